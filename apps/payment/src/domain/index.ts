/** The payment service's domain: plain TypeScript, no framework, time and ids passed in. */
export { DomainError, type PaymentErrorCode } from './domain-error';
export { checkedMoney, moneyEquals, type Money } from './money';
export {
  cardOutcome,
  TEST_CARDS,
  UNKNOWN_TOKEN_OUTCOME,
  type CardOutcome,
  type DeclineReason,
  type TestCard,
} from './test-cards';
export {
  authorizePayment,
  type AuthorizePayment,
  type AuthorizedPayment,
  type DeclinedPayment,
  type Payment,
  type RefundedPayment,
} from './authorize-payment';
export { refundPayment, type RefundDecision } from './refund-payment';
export { authorizeOnce, type PaymentAttempt } from './authorize-once';
export { assertNever } from './assert-never';
