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
   * Claims the keys for new orders, in one statement, and returns the earlier requests (with their
   * orders) for the keys that were taken before. A concurrent transaction claiming the same key
   * blocks this one on the insert until it commits, then its claim is found: a key yields one order
   * however many retries race. A key given twice here is claimed by its first request.
   */
  async claim(
    tx: Transaction,
    claims: { key: string; fingerprint: string; orderId: string }[],
  ): Promise<Map<string, EarlierRequest>> {
    const { rows: claimed } = await tx.query<{ idempotency_key: string }>(
      `INSERT INTO idempotency_keys (idempotency_key, request_fingerprint, order_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING
       RETURNING idempotency_key`,
      [claims.map((c) => c.key), claims.map((c) => c.fingerprint), claims.map((c) => c.orderId)],
    );
    const taken = new Set(claimed.map((row) => row.idempotency_key));
    const earlierKeys = [...new Set(claims.map((c) => c.key))].filter((key) => !taken.has(key));
    if (earlierKeys.length === 0) return new Map();
    const { rows } = await tx.query<EarlierRequest & { key: string }>(
      `SELECT k.idempotency_key AS key, k.request_fingerprint AS fingerprint, k.order_id AS "orderId",
              o.status, o.correlation_id AS "correlationId"
         FROM idempotency_keys k JOIN orders o ON o.order_id = k.order_id
        WHERE k.idempotency_key = ANY($1::text[])`,
      [earlierKeys],
    );
    return new Map(rows.map(({ key, ...earlier }) => [key, earlier]));
  }
}
