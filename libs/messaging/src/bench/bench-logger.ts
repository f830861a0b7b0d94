import pino from 'pino';

/**
 * Warnings and errors only, on stderr: the inbox logs every event at info, which would both flood
 * the terminal and slow the run down, and stdout is kept for the results (--json).
 */
export function benchLogger(name: string): pino.Logger {
  return pino({ name, level: process.env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
}
