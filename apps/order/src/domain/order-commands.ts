import type { Money } from './money';
import type { PaymentDeclineReason, StockRejectionReason, StockShortage } from './order';

/**
 * What the order can be asked to do: place it, or take note of what inventory and payment reported
 * about it. `now` comes in with every command so decisions are deterministic and testable.
 */
export interface OrderLineInput {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

export interface PlaceOrderInput {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineInput[];
  /** The order's currency; every unit price must be in it. */
  readonly currency: string;
  readonly paymentMethod: string;
  /** Where the customer placed it (web, mobile, api); travels on OrderPlaced from version 2. */
  readonly channel: string;
  /** When the order times out if the saga has not settled it; the service's configured wait after `now`. */
  readonly deadlineAt: Date;
  readonly now: Date;
}

export interface PlaceOrder extends PlaceOrderInput {
  readonly type: 'PlaceOrder';
}

export interface RecordStockReserved {
  readonly type: 'RecordStockReserved';
  readonly orderId: string;
  readonly now: Date;
}

export interface RecordStockRejected {
  readonly type: 'RecordStockRejected';
  readonly orderId: string;
  readonly reason: StockRejectionReason;
  readonly shortages: readonly StockShortage[];
  readonly now: Date;
}

export interface RecordPaymentAuthorized {
  readonly type: 'RecordPaymentAuthorized';
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
  readonly now: Date;
}

export interface RecordPaymentDeclined {
  readonly type: 'RecordPaymentDeclined';
  readonly orderId: string;
  readonly paymentId: string;
  readonly amount: Money;
  readonly reason: PaymentDeclineReason;
  readonly now: Date;
}

/** The deadline sweep found the order due: cancel it as TIMED_OUT if it is still PENDING. */
export interface ExpireOrder {
  readonly type: 'ExpireOrder';
  readonly orderId: string;
  readonly now: Date;
}

/** Inventory or payment reports that a compensation asked for (or caused by OrderCancelled) is done. */
export interface RecordCompensation {
  readonly type: 'RecordCompensation';
  readonly orderId: string;
  readonly compensation: 'StockReleased' | 'PaymentRefunded';
  readonly now: Date;
}

export type OrderCommand =
  | PlaceOrder
  | RecordStockReserved
  | RecordStockRejected
  | RecordPaymentAuthorized
  | RecordPaymentDeclined
  | ExpireOrder
  | RecordCompensation;
