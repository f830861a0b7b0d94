import type { Payment, RefundedPayment } from './authorize-payment';

/**
 * Gives back an authorization whose order was cancelled. It can be asked for twice for one order
 * (OrderCancelled, and RefundPayment when the order saw the authorization after its cancellation),
 * and each may be delivered again: only an AUTHORIZED payment is refunded, so it happens once.
 */
export type RefundDecision =
  | { readonly kind: 'refunded'; readonly payment: RefundedPayment }
  | {
      readonly kind: 'nothing-to-refund';
      /**
       * NO_PAYMENT: nothing authorized (yet: OrderCancelled can come before a late StockReserved,
       * whose authorization the order then answers with RefundPayment); DECLINED: nothing was charged.
       */
      readonly why: 'NO_PAYMENT' | 'DECLINED' | 'ALREADY_REFUNDED';
    };

export function refundPayment(existing: Payment | null, now: Date): RefundDecision {
  if (existing === null) return { kind: 'nothing-to-refund', why: 'NO_PAYMENT' };
  switch (existing.kind) {
    case 'declined':
      return { kind: 'nothing-to-refund', why: 'DECLINED' };
    case 'refunded':
      return { kind: 'nothing-to-refund', why: 'ALREADY_REFUNDED' };
    case 'authorized': {
      const { kind: _kind, ...facts } = existing;
      return { kind: 'refunded', payment: { ...facts, kind: 'refunded', refundedAt: now } };
    }
  }
}
