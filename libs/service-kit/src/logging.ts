import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Node's request, or a framework's wrapper around it (Fastify's keeps the original as `raw`). */
export type HttpRequest = { headers: IncomingHttpHeaders; raw?: IncomingMessage };

/**
 * JSON logs on stdout through pino, for Nest's own logger too. Request lines come from
 * `logRequests`, not from pino-http: its per-request child logger alone cost more CPU than
 * routing the request, at a few hundred orders a second.
 */
export function loggingModule(service: string) {
  return LoggerModule.forRoot({
    pinoHttp: { name: service, level: process.env['LOG_LEVEL'] ?? 'info' },
    // No route gets the pino-http middleware.
    forRoutes: [],
  });
}

interface RequestHooks {
  addHook(
    name: 'onResponse',
    hook: (
      request: { method: string; url: string; raw: IncomingMessage },
      reply: { statusCode: number; elapsedTime: number },
    ) => Promise<void>,
  ): unknown;
}

/**
 * One line per answered request, carrying its correlation id (the same id the events it causes
 * carry): 5xx as errors, 4xx as warnings, the rest at debug only (Prometheus counts them anyway).
 * Health and metrics scrapes are not logged.
 */
export function logRequests(fastify: RequestHooks, logger: Logger): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : reply.statusCode >= 400 ? 'warn' : 'debug';
    if (!logger.isLevelEnabled(level) || /^\/(health|metrics)/.test(request.url)) return;
    logger[level](
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        correlationId: correlationIdOf(request.raw),
      },
      'request completed',
    );
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
