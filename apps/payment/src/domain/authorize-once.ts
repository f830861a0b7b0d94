import { authorizePayment, type AuthorizePayment, type Payment } from './authorize-payment';
import { DomainError } from './domain-error';
import { moneyEquals } from './money';

/**
 * One payment per order. Should StockReserved reach payment twice (a redelivery the event-id check
 * could not catch, or a replayed topic), the card must not be charged again: the payment already
 * decided is returned as it is, with its own paymentId, and nothing new needs publishing because
 * its event went out with it.
 */
export type PaymentAttempt =
  | { readonly kind: 'charged'; readonly payment: Payment }
  | { readonly kind: 'already-decided'; readonly payment: Payment };

export function authorizeOnce(existing: Payment | null, request: AuthorizePayment): PaymentAttempt {
  if (existing === null) return { kind: 'charged', payment: authorizePayment(request) };
  if (existing.orderId !== request.orderId || !moneyEquals(existing.amount, request.amount)) {
    // Same order, different amount: a bug upstream that a silent replay would hide.
    throw new DomainError(
      'PAYMENT_MISMATCH',
      `order ${request.orderId} asks for ${request.amount.amountMinor} ${request.amount.currency}, ` +
        `payment ${existing.paymentId} of order ${existing.orderId} was for ` +
        `${existing.amount.amountMinor} ${existing.amount.currency}`,
    );
  }
  return { kind: 'already-decided', payment: existing };
}
