import pino from 'pino';

/** The slice of pino the library logs through; apps pass their own (with its bindings) in. */
export type Logger = Pick<pino.Logger, 'debug' | 'info' | 'warn' | 'error'>;

export function createLogger(name: string): pino.Logger {
  return pino({ name, level: process.env['LOG_LEVEL'] ?? 'info' });
}
