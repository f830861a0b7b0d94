import { findUnstorableText } from './unstorable-text';
import { validationFailed, type FieldError } from './validation-error';

/** The parts of a parsed request that carry the client's text. */
export interface RequestText {
  params?: unknown;
  query?: unknown;
  headers?: unknown;
  body?: unknown;
}

const PARTS = [
  ['path', 'params'],
  ['query', 'query'],
  ['header', 'headers'],
  ['body', 'body'],
] as const;

/**
 * The first field of a request holding text that PostgreSQL or Kafka cannot store, named by where
 * it is (`path.orderId`, `query.status`, `header.idempotency-key`, `body.lines.0.sku`), or undefined.
 */
export function unstorableRequestField(request: RequestText): FieldError | undefined {
  for (const [location, part] of PARTS) {
    const found = findUnstorableText(request[part]);
    if (found) {
      return { field: [location, ...found.path].join('.'), rule: 'unstorable_text', message: found.problem };
    }
  }
  return undefined;
}

interface ValidationHooks {
  addHook(
    name: 'preValidation',
    hook: (
      request: RequestText,
      reply: { code(status: number): { send(body: unknown): unknown } },
    ) => Promise<unknown>,
  ): unknown;
}

/**
 * Refuses, with a 400 naming the field, every request whose path, query, headers or body hold text
 * that cannot be stored (see unstorable-text.ts), on every route of the app, before any controller
 * runs. Without it each controller would have to remember, and one that forgot answered a NUL byte
 * with a 500 from PostgreSQL. Runs once the body is parsed and the route's path parameters are known.
 */
export function refuseUnstorableText(fastify: ValidationHooks): void {
  fastify.addHook('preValidation', async (request, reply) => {
    const field = unstorableRequestField(request);
    if (field) return reply.code(400).send(validationFailed([field]));
    return undefined;
  });
}
