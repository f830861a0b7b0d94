import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { inTransaction } from '@platform/messaging';
import { DATABASE_POOL } from '@platform/messaging-nest';
import { checkIdempotencyKey, decideAndApply, requestFingerprint, type OrderStatus } from '../domain';
import { IdempotencyKeys } from '../idempotency-keys';
import { OrderRepository } from '../order.repository';
import { toOutgoingEvents } from '../published-events';
import type { PlaceOrderRequest } from './place-order.request';

export class IdempotencyConflictError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(
    readonly key: string,
    readonly orderId: string,
  ) {
    super(`Idempotency-Key ${key} was already used for order ${orderId} with a different request body`);
  }
}

export interface PlacedOrder {
  orderId: string;
  status: OrderStatus;
  correlationId: string;
  /** True when an earlier request with the same Idempotency-Key created the order. */
  replayed: boolean;
}

/**
 * Places an order: the order, its history and its OrderPlaced event commit in one transaction
 * (the outbox), so the event goes out if and only if the order exists.
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    @Inject(DATABASE_POOL) private readonly pool: Pool,
    private readonly orders: OrderRepository,
    private readonly idempotencyKeys: IdempotencyKeys,
  ) {}

  async execute(
    request: PlaceOrderRequest,
    {
      correlationId,
      idempotencyKey,
      now = new Date(),
    }: { correlationId: string; idempotencyKey?: string; now?: Date },
  ): Promise<PlacedOrder> {
    const orderId = randomUUID();
    const fingerprint = requestFingerprint(request);
    return inTransaction(this.pool, async (tx) => {
      if (idempotencyKey) {
        const earlier = await this.idempotencyKeys.claim(tx, { idempotencyKey, fingerprint, orderId });
        if (earlier) {
          const decision = checkIdempotencyKey(earlier, fingerprint);
          if (decision.kind === 'conflict')
            throw new IdempotencyConflictError(idempotencyKey, decision.orderId);
          return {
            orderId: earlier.orderId,
            status: earlier.status,
            correlationId: earlier.correlationId,
            replayed: true,
          };
        }
      }
      const { state, events } = decideAndApply(
        {
          type: 'PlaceOrder',
          orderId,
          customerId: request.customerId,
          currency: request.currency,
          paymentMethod: request.paymentMethod,
          lines: request.lines.map((line) => ({
            sku: line.sku,
            quantity: line.quantity,
            unitPrice: { amountMinor: line.unitPriceMinor, currency: request.currency },
          })),
          now,
        },
        null,
      );
      const outgoing = toOutgoingEvents(events, { correlationId, now: () => now });
      await this.orders.create(
        tx,
        state!,
        correlationId,
        outgoing.map((o) => o.event.envelope),
      );
      tx.enqueue(...outgoing);
      return { orderId, status: state!.status, correlationId, replayed: false };
    });
  }
}
