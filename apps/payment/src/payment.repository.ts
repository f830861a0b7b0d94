import { Injectable } from '@nestjs/common';
import type { Transaction } from '@platform/messaging';
import type { DeclineReason, Payment } from './domain';

interface PaymentRow {
  payment_id: string;
  order_id: string;
  amount_minor: string;
  currency: string;
  status: 'AUTHORIZED' | 'DECLINED' | 'REFUNDED';
  decline_reason: string | null;
  decided_at: Date;
  refunded_at: Date | null;
}

/** Loads and saves payments, one per order, inside the consumer's transaction (plain SQL: it runs for every order). */
@Injectable()
export class PaymentRepository {
  /**
   * Serializes the handling of one order until the transaction ends. Two StockReserved events of
   * one order with different eventIds pass the processed-events check together; without the lock
   * both would find no payment and charge the card. With it the second waits, then finds the
   * first's payment (READ COMMITTED: each statement sees what committed before it began, which is
   * why the lock and the read are two statements). The UNIQUE order_id stays as the backstop
   * should anything write payments without the lock.
   */
  async lockOrder(tx: Transaction, orderId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [orderId]);
  }

  async findByOrder(tx: Transaction, orderId: string): Promise<Payment | null> {
    const { rows } = await tx.query<PaymentRow>('SELECT * FROM payments WHERE order_id = $1', [orderId]);
    const row = rows[0];
    if (!row) return null;
    const facts = {
      orderId: row.order_id,
      paymentId: row.payment_id,
      amount: { amountMinor: Number(row.amount_minor), currency: row.currency },
      decidedAt: row.decided_at,
    };
    switch (row.status) {
      case 'AUTHORIZED':
        return { kind: 'authorized', ...facts };
      case 'REFUNDED':
        return { kind: 'refunded', ...facts, refundedAt: row.refunded_at! };
      default:
        return { kind: 'declined', ...facts, reason: row.decline_reason as DeclineReason };
    }
  }

  /** AUTHORIZED → REFUNDED; the caller holds the order's lock (lockOrder) and checked the status. */
  async markRefunded(tx: Transaction, paymentId: string, refundedAt: Date): Promise<void> {
    await tx.query(
      `UPDATE payments SET status = 'REFUNDED', refunded_at = $2 WHERE payment_id = $1 AND status = 'AUTHORIZED'`,
      [paymentId, refundedAt],
    );
  }

  async create(
    tx: Transaction,
    payment: Payment,
    { paymentMethod, correlationId }: { paymentMethod: string; correlationId: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO payments (payment_id, order_id, amount_minor, currency, payment_method, status,
                             decline_reason, decided_at, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        payment.paymentId,
        payment.orderId,
        payment.amount.amountMinor,
        payment.amount.currency,
        paymentMethod,
        payment.kind === 'authorized' ? 'AUTHORIZED' : 'DECLINED',
        payment.kind === 'declined' ? payment.reason : null,
        payment.decidedAt,
        correlationId,
      ],
    );
  }
}
