import type { Principal } from './principal';

const PRINCIPAL = Symbol('principal');

type Carrier = { [PRINCIPAL]?: Principal };

/** Attaches the verified caller to the request (Fastify's), for handlers and the rate limiter. */
export function attachPrincipal(request: object, principal: Principal): void {
  (request as Carrier)[PRINCIPAL] = principal;
}

export function principalOf(request: object): Principal | undefined {
  return (request as Carrier)[PRINCIPAL];
}
