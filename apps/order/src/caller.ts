import type { Principal } from '@platform/service-kit';
import type { Caller } from './domain';

/** The order domain's view of a verified REST caller; a token with both roles acts as operator. */
export function callerOf(principal: Principal): Caller {
  return principal.roles.includes('operator')
    ? { kind: 'operator' }
    : { kind: 'customer', customerId: principal.subject };
}
