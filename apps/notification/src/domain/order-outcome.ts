/**
 * What the customer is told about: the end of their order's saga, as OrderConfirmed and
 * OrderCancelled report it. `kind` is the NotificationSent kind.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export type CancellationReason =
  'OUT_OF_STOCK' | 'UNKNOWN_SKU' | 'PAYMENT_DECLINED' | 'INSUFFICIENT_FUNDS' | 'EXPIRED_CARD' | 'TIMED_OUT';

export interface OrderConfirmedOutcome {
  readonly kind: 'ORDER_CONFIRMED';
  readonly orderId: string;
  readonly customerId: string;
  readonly total: Money;
}

export interface OrderCancelledOutcome {
  readonly kind: 'ORDER_CANCELLED';
  readonly orderId: string;
  readonly customerId: string;
  readonly total: Money;
  readonly reason: CancellationReason;
  readonly detail: string | null;
}

export type OrderOutcome = OrderConfirmedOutcome | OrderCancelledOutcome;

export type NotificationKind = OrderOutcome['kind'];
