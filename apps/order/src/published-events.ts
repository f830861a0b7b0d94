import type { EnvelopeOptions } from '@platform/contracts';
import { outgoingEvent, type OutgoingEvent } from '@platform/messaging';
import { assertNever, isPublished, type OrderEvent } from './domain';

/** The wire form (Avro contract) of the domain events other services hear about. */
export function toOutgoingEvents(events: OrderEvent[], envelope: EnvelopeOptions): OutgoingEvent[] {
  return events.filter(isPublished).map((event) => {
    switch (event.type) {
      case 'OrderPlaced':
        return outgoingEvent(
          'OrderPlaced',
          {
            orderId: event.orderId,
            customerId: event.customerId,
            lines: event.lines.map(({ sku, quantity, unitPrice }) => ({
              sku,
              quantity,
              unitPrice: { ...unitPrice },
            })),
            total: { ...event.total },
            paymentMethod: event.paymentMethod,
            channel: event.channel,
          },
          envelope,
        );
      case 'OrderConfirmed':
        return outgoingEvent(
          'OrderConfirmed',
          { orderId: event.orderId, customerId: event.customerId, total: { ...event.total } },
          envelope,
        );
      case 'OrderCancelled':
        return outgoingEvent(
          'OrderCancelled',
          {
            orderId: event.orderId,
            customerId: event.customerId,
            total: { ...event.total },
            reason: event.reason,
            detail: event.detail,
          },
          envelope,
        );
      case 'StockReleaseRequested':
        return outgoingEvent('ReleaseStock', { orderId: event.orderId }, envelope);
      case 'PaymentRefundRequested':
        return outgoingEvent(
          'RefundPayment',
          { orderId: event.orderId, paymentId: event.paymentId, amount: { ...event.amount } },
          envelope,
        );
      default:
        return assertNever(event);
    }
  });
}
