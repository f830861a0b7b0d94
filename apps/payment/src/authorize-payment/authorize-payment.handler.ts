import { Injectable } from '@nestjs/common';
import { newId as timeOrderedId, type StockReserved } from '@platform/contracts';
import { UnprocessableEventError, type Transaction } from '@platform/messaging';
import { authorizeOnce, DomainError, type PaymentAttempt } from '../domain';
import { PaymentRepository } from '../payment.repository';
import { toOutgoingEvent } from '../published-events';

/**
 * Authorizes the total of an order whose stock is reserved. The payment and its
 * PaymentAuthorized/PaymentDeclined event commit in the caller's transaction (the one that also
 * records the StockReserved event as processed), so the event goes out if and only if the
 * payment exists, and a second StockReserved for the order finds it and publishes nothing.
 */
@Injectable()
export class AuthorizePaymentHandler {
  constructor(private readonly payments: PaymentRepository) {}

  async execute(
    tx: Transaction,
    event: StockReserved,
    { now = new Date(), newId = timeOrderedId }: { now?: Date; newId?: () => string } = {},
  ): Promise<PaymentAttempt> {
    try {
      await this.payments.lockOrder(tx, event.orderId);
      const existing = await this.payments.findByOrder(tx, event.orderId);
      const attempt = authorizeOnce(existing, {
        orderId: event.orderId,
        amount: event.total,
        paymentMethod: event.paymentMethod,
        paymentId: newId(),
        now,
      });
      // Its event went out with the first decision; the order already has its answer.
      if (attempt.kind === 'already-decided') return attempt;
      await this.payments.create(tx, attempt.payment, {
        paymentMethod: event.paymentMethod,
        correlationId: event.envelope.correlationId,
      });
      tx.enqueue(toOutgoingEvent(attempt.payment, { cause: event.envelope, now: () => now }));
      return attempt;
    } catch (error) {
      // A refusal by the domain (a malformed amount, a second request for another amount) will be
      // refused again on every retry: dead-letter it at once.
      if (error instanceof DomainError)
        throw new UnprocessableEventError(`${error.code}: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
