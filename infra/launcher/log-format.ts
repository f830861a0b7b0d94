import pc from 'picocolors';

const LEVELS: Record<number, { label: string; colour: (text: string) => string }> = {
  10: { label: 'TRACE', colour: pc.gray },
  20: { label: 'DEBUG', colour: pc.gray },
  30: { label: 'INFO ', colour: pc.green },
  40: { label: 'WARN ', colour: pc.yellow },
  50: { label: 'ERROR', colour: pc.red },
  60: { label: 'FATAL', colour: pc.red },
};

// Said by every line or by the line's shape already; repeating them would only bury the message.
const OMITTED = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'name',
  'msg',
  'context',
  'req',
  'res',
  'responseTime',
]);

/**
 * One pino JSON line as a person at a terminal reads it: time, level, message, then the fields that
 * say what it is about (`correlationId=… eventId=…`), with request lines shortened to
 * `POST /orders → 202 (3 ms)`. Lines that are not JSON (a stack trace, Node's own warnings) pass as
 * they are.
 */
export function readableLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = LEVELS[Number(entry['level'])] ?? { label: String(entry['level']), colour: (t: string) => t };
  const time = typeof entry['time'] === 'number' ? new Date(entry['time']).toISOString().slice(11, 23) : '';
  const parts = [pc.dim(time), level.colour(level.label), String(entry['msg'] ?? '')];
  const request = requestSummary(entry);
  if (request) parts.push(request);
  const fields = Object.entries(entry)
    .filter(([key, value]) => !OMITTED.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (fields.length) parts.push(pc.dim(fields.join(' ')));
  return parts.join(' ');
}

function requestSummary(entry: Record<string, unknown>): string | undefined {
  const req = entry['req'] as { method?: string; url?: string } | undefined;
  const res = entry['res'] as { statusCode?: number } | undefined;
  if (!req?.method) return undefined;
  const took = typeof entry['responseTime'] === 'number' ? ` (${entry['responseTime']} ms)` : '';
  return `${req.method} ${req.url ?? ''}${res?.statusCode ? ` → ${res.statusCode}` : ''}${took}`;
}
