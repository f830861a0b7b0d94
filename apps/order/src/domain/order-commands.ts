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

export type OrderCommand =
  PlaceOrder | RecordStockReserved | RecordStockRejected | RecordPaymentAuthorized | RecordPaymentDeclined;
