import { Injectable } from '@nestjs/common';
import type { DeclineReason, Payment } from './domain';
import type { PaymentTransaction } from './prisma.service';

/** Loads and saves payments, one per order, inside the caller's transaction. */
@Injectable()
export class PaymentRepository {
  /**
   * Serializes the handling of one order until the transaction ends. Two StockReserved events of
   * one order with different eventIds pass the processed-events check together; without the lock
   * both would find no payment and charge the card. With it the second waits, then finds the
   * first's payment (READ COMMITTED: each statement sees what committed before it began).
   * The UNIQUE order_id stays as the backstop should anything write payments without the lock.
   */
  async lockOrder(tx: PaymentTransaction, orderId: string): Promise<void> {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${orderId}, 0))`;
  }

  async findByOrder(tx: PaymentTransaction, orderId: string): Promise<Payment | null> {
    const row = await tx.payment.findUnique({ where: { orderId } });
    if (!row) return null;
    const facts = {
      orderId: row.orderId,
      paymentId: row.paymentId,
      amount: { amountMinor: Number(row.amountMinor), currency: row.currency },
      decidedAt: row.decidedAt,
    };
    return row.status === 'AUTHORIZED'
      ? { kind: 'authorized', ...facts }
      : { kind: 'declined', ...facts, reason: row.declineReason as DeclineReason };
  }

  async create(
    tx: PaymentTransaction,
    payment: Payment,
    { paymentMethod, correlationId }: { paymentMethod: string; correlationId: string },
  ): Promise<void> {
    await tx.payment.create({
      data: {
        paymentId: payment.paymentId,
        orderId: payment.orderId,
        amountMinor: BigInt(payment.amount.amountMinor),
        currency: payment.amount.currency,
        paymentMethod,
        status: payment.kind === 'authorized' ? 'AUTHORIZED' : 'DECLINED',
        declineReason: payment.kind === 'declined' ? payment.reason : null,
        decidedAt: payment.decidedAt,
        correlationId,
      },
    });
  }
}
