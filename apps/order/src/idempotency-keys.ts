import { Injectable } from '@nestjs/common';
import type { Transaction } from '@platform/messaging';
import type { OrderStatus, StoredIdempotentRequest } from './domain';

export interface EarlierRequest extends StoredIdempotentRequest {
  status: OrderStatus;
  correlationId: string;
}

/** The Idempotency-Key of each POST /orders that had one, with the order it created. */
@Injectable()
export class IdempotencyKeys {
  /**
   * Claims the key for a new order, or returns the request that claimed it before (and that request's
   * order). A concurrent request with the same key blocks on the insert until the first commits,
   * then finds its row: the key yields one order however many retries race.
   */
  async claim(
    tx: Transaction,
    {
      idempotencyKey,
      fingerprint,
      orderId,
    }: { idempotencyKey: string; fingerprint: string; orderId: string },
  ): Promise<EarlierRequest | undefined> {
    const { rowCount } = await tx.query(
      `INSERT INTO idempotency_keys (idempotency_key, request_fingerprint, order_id)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [idempotencyKey, fingerprint, orderId],
    );
    if (rowCount === 1) return undefined;
    const { rows } = await tx.query<{
      fingerprint: string;
      orderId: string;
      status: OrderStatus;
      correlationId: string;
    }>(
      `SELECT k.request_fingerprint AS fingerprint, k.order_id AS "orderId", o.status, o.correlation_id AS "correlationId"
         FROM idempotency_keys k JOIN orders o ON o.order_id = k.order_id
        WHERE k.idempotency_key = $1`,
      [idempotencyKey],
    );
    if (!rows[0]) throw new Error(`Idempotency-Key ${idempotencyKey} is taken but names no order`);
    return rows[0];
  }
}
