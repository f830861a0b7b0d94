import { readableLogLine } from './log-format';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('readable log lines', () => {
  it('shows time, level, message and the fields that matter, not the JSON', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.parse('2026-11-28T10:11:12.345Z'),
      pid: 1,
      hostname: 'vm',
      name: 'order',
      msg: 'handler failed; retrying',
      eventId: 'e-1',
      attempt: 2,
    });
    expect(plain(readableLogLine(line))).toBe(
      '10:11:12.345 WARN  handler failed; retrying eventId=e-1 attempt=2',
    );
  });

  it('shortens request lines to method, path, status and time', () => {
    const line = JSON.stringify({
      level: 40,
      time: 0,
      msg: 'request completed',
      req: { method: 'POST', url: '/orders', headers: { host: 'x' } },
      res: { statusCode: 400 },
      responseTime: 3,
      correlationId: 'c-1',
    });
    expect(plain(readableLogLine(line))).toBe(
      '00:00:00.000 WARN  request completed POST /orders → 400 (3 ms) correlationId=c-1',
    );
  });

  it('passes lines that are not JSON through unchanged', () => {
    expect(readableLogLine('    at Object.<anonymous> (main.js:1:1)')).toBe(
      '    at Object.<anonymous> (main.js:1:1)',
    );
    expect(readableLogLine('{not json')).toBe('{not json');
  });
});
