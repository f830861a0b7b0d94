import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * JSON logs on stdout, one line per event. Every HTTP request line carries the request's
 * correlation id (taken from X-Correlation-Id, or made up), the same id the events it causes carry.
 */
export function loggingModule(service: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: process.env['LOG_LEVEL'] ?? 'info',
      genReqId: (request: IncomingMessage) => correlationIdOf(request),
      customProps: (request: IncomingMessage) => ({ correlationId: correlationIdOf(request) }),
      autoLogging: { ignore: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? '') },
      redact: ['req.headers.authorization'],
    },
  });
}

/** The request's correlation id, assigned once so the log lines and the handler agree. */
export function correlationIdOf(request: IncomingMessage): string {
  const carrier = request as IncomingMessage & { correlationId?: string };
  if (!carrier.correlationId) {
    const given = request.headers[CORRELATION_HEADER];
    const value = Array.isArray(given) ? given[0] : given;
    carrier.correlationId = value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
  }
  return carrier.correlationId;
}
