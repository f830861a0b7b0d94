import type { RecordPaymentAuthorized, RecordStockReserved } from './order-commands';
import type { PaymentRefundRequested, StockReleaseRequested } from './order-events';
import type { Order } from './order';

type LateReply = RecordStockReserved | RecordPaymentAuthorized;

/**
 * A reply that arrives after the order was CANCELLED (its deadline passed while inventory or
 * payment was down, or the reply was in flight) did something the customer will never get: stock
 * held, a card authorized. It is compensated, not ignored. Inventory and payment undo their part on
 * OrderCancelled too, but they may see OrderCancelled before they act (different topics, no order
 * between them), so the order answers each late reply with the matching command; both sides are
 * idempotent (a reservation is released once, a payment refunded once).
 *
 * A confirmed order keeps its stock and payment: a reply it sees again is a redelivery.
 */
export function compensateLateReply(
  order: Order,
  command: LateReply,
): (StockReleaseRequested | PaymentRefundRequested)[] {
  if (order.status !== 'CANCELLED') return [];
  switch (command.type) {
    case 'RecordStockReserved':
      // On a declined payment inventory releases the stock itself, on PaymentDeclined.
      return releasesOnPaymentDecline(order.reason)
        ? []
        : [{ type: 'StockReleaseRequested', orderId: order.orderId }];
    case 'RecordPaymentAuthorized':
      return [
        {
          type: 'PaymentRefundRequested',
          orderId: order.orderId,
          paymentId: command.paymentId,
          amount: command.amount,
        },
      ];
  }
}

function releasesOnPaymentDecline(reason: string): boolean {
  return reason === 'PAYMENT_DECLINED' || reason === 'INSUFFICIENT_FUNDS' || reason === 'EXPIRED_CARD';
}
