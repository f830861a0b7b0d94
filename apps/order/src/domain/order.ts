import type { Money } from './money';

/**
 * The order aggregate's state. An order is PENDING from the moment it is placed until the saga
 * settles it: CONFIRMED once its payment is authorized, or CANCELLED with the reason the customer
 * is told (TIMED_OUT when its deadline passes first). Both are final.
 */
export type OrderStatus = Order['status'];

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** Why an order was cancelled, in the words of the OrderCancelled event. */
export type CancellationReason =
  'OUT_OF_STOCK' | 'UNKNOWN_SKU' | 'PAYMENT_DECLINED' | 'INSUFFICIENT_FUNDS' | 'EXPIRED_CARD' | 'TIMED_OUT';

/** Upstream facts the order reacts to, as inventory and payment report them. */
export type StockRejectionReason = 'OUT_OF_STOCK' | 'UNKNOWN_SKU';
export type PaymentDeclineReason =
  'CARD_DECLINED' | 'INSUFFICIENT_FUNDS' | 'EXPIRED_CARD' | 'PROCESSING_ERROR';

export interface StockShortage {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;
}

interface PlacedOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  /** Opaque to the order service: the card token payment will charge. */
  readonly paymentMethod: string;
  readonly placedAt: Date;
  /** When a still PENDING order is cancelled as TIMED_OUT; fixed when it is placed. */
  readonly deadlineAt: Date;
  /** Progress only: when inventory reported the stock held; the status stays PENDING. */
  readonly stockReservedAt: Date | null;
}

export interface PendingOrder extends PlacedOrder {
  readonly status: 'PENDING';
}

export interface ConfirmedOrder extends PlacedOrder {
  readonly status: 'CONFIRMED';
  readonly paymentId: string;
  readonly confirmedAt: Date;
}

export interface CancelledOrder extends PlacedOrder {
  readonly status: 'CANCELLED';
  readonly reason: CancellationReason;
  /** What exactly went wrong (the short lines, the payment's own decline reason), for people. */
  readonly detail: string | null;
  readonly cancelledAt: Date;
}

export type Order = PendingOrder | ConfirmedOrder | CancelledOrder;

/** null until the order is placed. */
export type OrderState = Order | null;

export const initialOrderState: OrderState = null;

export function isFinal(order: Order): boolean {
  return order.status !== 'PENDING';
}
