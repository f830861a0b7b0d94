import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Node's request, or a framework's wrapper around it (Fastify's keeps the original as `raw`). */
export type HttpRequest = { headers: IncomingHttpHeaders; raw?: IncomingMessage };

/**
 * JSON logs on stdout. Every request line carries the request's correlation id (taken from
 * X-Correlation-Id, or made up), the same id the events it causes carry. Successful requests are
 * logged at debug only: at a few hundred orders a second a line per request costs more CPU than
 * the request itself, and Prometheus counts them anyway; 4xx are warnings, 5xx errors.
 */
export function loggingModule(service: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: service,
      level: process.env['LOG_LEVEL'] ?? 'info',
      genReqId: (request: IncomingMessage) => correlationIdOf(request),
      customProps: (request: IncomingMessage) => ({ correlationId: correlationIdOf(request) }),
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'debug',
      autoLogging: { ignore: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? '') },
      redact: ['req.headers.authorization'],
    },
  });
}

/** The request's correlation id, assigned once (on the raw request) so the log lines and the handler agree. */
export function correlationIdOf(request: HttpRequest | IncomingMessage): string {
  const carrier = ((request as HttpRequest).raw ?? request) as IncomingMessage & { correlationId?: string };
  if (!carrier.correlationId) {
    const given = carrier.headers[CORRELATION_HEADER];
    const value = Array.isArray(given) ? given[0] : given;
    carrier.correlationId = value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
  }
  return carrier.correlationId;
}
