import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@platform/contracts';
import type { Transaction } from '@platform/messaging';
import { refundPayment, type RefundDecision } from '../domain';
import { PaymentRepository } from '../payment.repository';
import { toOutgoingEvent } from '../published-events';

/**
 * OrderCancelled or RefundPayment → refund the order's authorization, once. The REFUNDED mark and
 * PaymentRefunded commit with the processed-event row, under the same per-order lock as an
 * authorization, so a refund and a late authorization of one order apply one after the other.
 */
@Injectable()
export class RefundPaymentHandler {
  constructor(private readonly payments: PaymentRepository) {}

  async execute(
    tx: Transaction,
    cause: { orderId: string; envelope: EventEnvelope },
    now = new Date(),
  ): Promise<RefundDecision> {
    await this.payments.lockOrder(tx, cause.orderId);
    const decision = refundPayment(await this.payments.findByOrder(tx, cause.orderId), now);
    if (decision.kind === 'nothing-to-refund') return decision;
    await this.payments.markRefunded(tx, decision.payment.paymentId, now);
    tx.enqueue(toOutgoingEvent(decision.payment, { cause: cause.envelope, now: () => now }));
    return decision;
  }
}
