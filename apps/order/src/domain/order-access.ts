/**
 * Who may do what with orders. A customer acts only for themselves: they place orders in their own
 * name and see only their own orders; someone else's order looks exactly like one that does not
 * exist, so order ids leak nothing. An operator (support, back office) may do all of it for anyone.
 */
export type Caller = { kind: 'customer'; customerId: string } | { kind: 'operator' };

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

export function mayPlaceOrderFor(caller: Caller, customerId: string): AccessDecision {
  if (caller.kind === 'operator' || caller.customerId === customerId) return { allowed: true };
  return {
    allowed: false,
    reason: `a customer places orders only in their own name: customerId must be ${caller.customerId}`,
  };
}

/** False means: answer as if there were no such order. */
export function maySeeOrder(caller: Caller, order: { customerId: string }): boolean {
  return caller.kind === 'operator' || caller.customerId === order.customerId;
}

/**
 * The customer filter a listing runs with: an operator's own choice (or none, all customers);
 * always the customer themselves for a customer, who may name only themselves.
 */
export function orderListScope(
  caller: Caller,
  requestedCustomerId: string | undefined,
): { allowed: true; customerId: string | undefined } | { allowed: false; reason: string } {
  if (caller.kind === 'operator') return { allowed: true, customerId: requestedCustomerId };
  if (requestedCustomerId === undefined || requestedCustomerId === caller.customerId)
    return { allowed: true, customerId: caller.customerId };
  return {
    allowed: false,
    reason: `a customer lists only their own orders: leave customerId out or name ${caller.customerId}`,
  };
}
