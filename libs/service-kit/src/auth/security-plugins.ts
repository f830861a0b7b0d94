import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';

/**
 * The usual security headers on every answer (helmet: no sniffing, no framing, HSTS, a strict
 * referrer policy, a content security policy that still lets the /docs page run), and the rate
 * limiter the AuthGuard counts callers with. Registered before the routes are.
 *
 * Helmet itself, built once: @fastify/helmet builds helmet's middleware again for every request
 * (parsing the CSP directives each time), a tenth of a millisecond of every POST in the order service
 * under bench:orders (--cpu-prof).
 */
export async function registerSecurityPlugins(app: NestFastifyApplication): Promise<void> {
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI (the /docs page) styles itself inline and shows its logo as a data: URL.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Helmet's default would make a browser fetch /docs' scripts over https, which a plain-HTTP
        // service (TLS ends in front of it, or there is none locally) does not serve.
        upgradeInsecureRequests: null,
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
    );
  // global: false: only routes the AuthGuard limits, with limits of their own, keyed by caller.
  await app.register(rateLimit, { global: false });
}
