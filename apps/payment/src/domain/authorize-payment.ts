import { DomainError, type PaymentErrorCode } from './domain-error';
import { checkedMoney, type Money } from './money';
import { cardOutcome, type DeclineReason } from './test-cards';

/**
 * Authorizes an order's total against its card. A decline is an outcome like any other, published
 * as PaymentDeclined; only a request that makes no sense is refused with a DomainError.
 */
export interface AuthorizePayment {
  readonly orderId: string;
  readonly amount: Money;
  /** The card token the customer chose. */
  readonly paymentMethod: string;
  /** A fresh id for this payment, made by the caller so the decision stays deterministic. */
  readonly paymentId: string;
  readonly now: Date;
}

interface PaymentFacts {
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
  readonly decidedAt: Date;
}

export interface AuthorizedPayment extends PaymentFacts {
  readonly kind: 'authorized';
}

export interface DeclinedPayment extends PaymentFacts {
  readonly kind: 'declined';
  readonly reason: DeclineReason;
}

/** An authorization given back because its order was cancelled; see refund-payment.ts. */
export interface RefundedPayment extends PaymentFacts {
  readonly kind: 'refunded';
  readonly refundedAt: Date;
}

export type Payment = AuthorizedPayment | DeclinedPayment | RefundedPayment;

export function authorizePayment({
  orderId,
  amount,
  paymentMethod,
  paymentId,
  now,
}: AuthorizePayment): Payment {
  requireText(orderId, 'INVALID_ORDER_ID', 'orderId');
  requireText(paymentId, 'INVALID_PAYMENT_ID', 'paymentId');
  requireText(paymentMethod, 'INVALID_PAYMENT_METHOD', 'paymentMethod');
  const facts = { orderId, paymentId, amount: checkedMoney(amount), decidedAt: now };
  const outcome = cardOutcome(paymentMethod);
  return outcome === 'AUTHORIZED'
    ? { kind: 'authorized', ...facts }
    : { kind: 'declined', ...facts, reason: outcome };
}

function requireText(value: string, code: PaymentErrorCode, name: string): void {
  if (value.trim().length === 0) throw new DomainError(code, `${name} must not be blank`);
}
