import { assertNever } from './assert-never';
import type { Money } from './money';
import type { CancellationReason, OrderLine } from './order';

/**
 * What the order domain decides. OrderPlaced, OrderConfirmed and OrderCancelled are published (the
 * handler maps them onto the wire events), and so are the compensations of late replies
 * (StockReleaseRequested → ReleaseStock, PaymentRefundRequested → RefundPayment);
 * StockReservationRecorded is progress kept in the order's own history and published nowhere.
 */
export interface OrderPlaced {
  readonly type: 'OrderPlaced';
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  readonly paymentMethod: string;
  readonly channel: string;
  readonly placedAt: Date;
  readonly deadlineAt: Date;
}

export interface StockReservationRecorded {
  readonly type: 'StockReservationRecorded';
  readonly orderId: string;
  readonly reservedAt: Date;
}

export interface OrderConfirmed {
  readonly type: 'OrderConfirmed';
  readonly orderId: string;
  readonly customerId: string;
  readonly total: Money;
  readonly paymentId: string;
  readonly confirmedAt: Date;
}

export interface OrderCancelled {
  readonly type: 'OrderCancelled';
  readonly orderId: string;
  readonly customerId: string;
  readonly total: Money;
  readonly reason: CancellationReason;
  readonly detail: string | null;
  readonly cancelledAt: Date;
}

/** A StockReserved came for an order already CANCELLED: inventory must give the stock back (ReleaseStock). */
export interface StockReleaseRequested {
  readonly type: 'StockReleaseRequested';
  readonly orderId: string;
}

/** A PaymentAuthorized came for an order already CANCELLED: payment must refund it (RefundPayment). */
export interface PaymentRefundRequested {
  readonly type: 'PaymentRefundRequested';
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
}

export type OrderEvent =
  | OrderPlaced
  | StockReservationRecorded
  | OrderConfirmed
  | OrderCancelled
  | StockReleaseRequested
  | PaymentRefundRequested;

export type PublishedOrderEvent = Exclude<OrderEvent, StockReservationRecorded>;

/** Which decisions go to the outbox. */
export function isPublished(event: OrderEvent): event is PublishedOrderEvent {
  switch (event.type) {
    case 'OrderPlaced':
    case 'OrderConfirmed':
    case 'OrderCancelled':
    case 'StockReleaseRequested':
    case 'PaymentRefundRequested':
      return true;
    case 'StockReservationRecorded':
      return false;
    default:
      return assertNever(event);
  }
}
