import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { enqueueEvents } from '@platform/messaging';
import { checkIdempotencyKey, decideAndApply, requestFingerprint, type OrderStatus } from '../domain';
import { OrderRepository } from '../order.repository';
import { PrismaService } from '../prisma.service';
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
    private readonly prisma: PrismaService,
    private readonly orders: OrderRepository,
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
    return this.prisma.$transaction(async (tx) => {
      if (idempotencyKey) {
        // A concurrent request with the same key blocks on this insert until the first commits,
        // then finds its row: the key yields one order however many retries race.
        const claimed = await tx.$executeRaw`
          INSERT INTO idempotency_keys (idempotency_key, request_fingerprint, order_id)
          VALUES (${idempotencyKey}, ${fingerprint}, ${orderId}) ON CONFLICT DO NOTHING`;
        if (claimed === 0) {
          const stored = await tx.idempotencyKey.findUniqueOrThrow({ where: { idempotencyKey } });
          const decision = checkIdempotencyKey(
            { fingerprint: stored.requestFingerprint, orderId: stored.orderId },
            fingerprint,
          );
          if (decision.kind === 'conflict')
            throw new IdempotencyConflictError(idempotencyKey, decision.orderId);
          const existing = await tx.order.findUniqueOrThrow({ where: { orderId: stored.orderId } });
          return {
            orderId: existing.orderId,
            status: existing.status as OrderStatus,
            correlationId: existing.correlationId,
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
      await this.orders.create(tx, state!, correlationId);
      await this.orders.appendHistory(
        tx,
        orderId,
        outgoing.map((o) => o.event.envelope),
      );
      await enqueueEvents(tx, outgoing);
      return { orderId, status: state!.status, correlationId, replayed: false };
    });
  }
}
