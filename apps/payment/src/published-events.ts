import type { EnvelopeOptions } from '@platform/contracts';
import { outgoingEvent, type OutgoingEvent } from '@platform/messaging';
import { assertNever, type Payment } from './domain';

/** The wire form (Avro contract) of a payment decision: PaymentAuthorized, PaymentDeclined or PaymentRefunded. */
export function toOutgoingEvent(payment: Payment, envelope: EnvelopeOptions): OutgoingEvent {
  const facts = { orderId: payment.orderId, paymentId: payment.paymentId, amount: { ...payment.amount } };
  switch (payment.kind) {
    case 'authorized':
      return outgoingEvent('PaymentAuthorized', facts, envelope);
    case 'declined':
      return outgoingEvent('PaymentDeclined', { ...facts, reason: payment.reason }, envelope);
    case 'refunded':
      return outgoingEvent('PaymentRefunded', facts, envelope);
    default:
      return assertNever(payment);
  }
}
