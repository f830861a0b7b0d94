/** The order service's domain: plain TypeScript, no framework, time and ids passed in. */
export { DomainError, type OrderErrorCode } from './domain-error';
export {
  addMoney,
  assertSameCurrency,
  isCurrencyCode,
  money,
  moneyEquals,
  multiplyMoney,
  zero,
  type Money,
} from './money';
export {
  initialOrderState,
  isFinal,
  type CancellationReason,
  type CancelledOrder,
  type ConfirmedOrder,
  type Order,
  type OrderLine,
  type OrderState,
  type OrderStatus,
  type PaymentDeclineReason,
  type PendingOrder,
  type StockRejectionReason,
  type StockShortage,
} from './order';
export type {
  ExpireOrder,
  OrderCommand,
  RecordCompensation,
  OrderLineInput,
  PlaceOrder,
  PlaceOrderInput,
  RecordPaymentAuthorized,
  RecordPaymentDeclined,
  RecordStockRejected,
  RecordStockReserved,
} from './order-commands';
export {
  isPublished,
  type OrderCancelled,
  type OrderConfirmed,
  type OrderEvent,
  type OrderPlaced,
  type PaymentRefundRequested,
  type StockReleaseRequested,
  type PublishedOrderEvent,
  type StockReservationRecorded,
} from './order-events';
export { placeOrder } from './place-order';
export { cancellationForTimeout, deadlineFor, isPastDeadline } from './deadline';
export { compensateLateReply } from './late-replies';
export {
  cancellationForPayment,
  cancellationForStock,
  cancellationReasonForDecline,
  type Cancellation,
} from './cancellation';
export { decide, decideAndApply, evolve } from './order-decider';
export {
  canonicalJson,
  checkIdempotencyKey,
  requestFingerprint,
  type IdempotencyDecision,
  type StoredIdempotentRequest,
} from './idempotency-key';
export { assertNever } from './assert-never';
export {
  mayPlaceOrderFor,
  maySeeOrder,
  orderListScope,
  type AccessDecision,
  type Caller,
} from './order-access';
