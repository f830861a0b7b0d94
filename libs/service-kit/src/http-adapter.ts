import { FastifyAdapter } from '@nestjs/platform-fastify';
import { refuseUnstorableText } from './refuse-unstorable-text';

/** Requests larger than this are refused with 413 before any handler runs. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Fastify under Nest: every app and every test of an app's HTTP side uses the same adapter, and
 * so the same rules at the edge (the body limit, text that cannot be stored refused with a 400).
 * Fastify rather than Express because the order service's POST path is the busiest code in the
 * platform and Fastify's routing, parsing and serialization cost a fraction of Express's.
 */
export function httpAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES });
  refuseUnstorableText(adapter.getInstance());
  return adapter;
}
