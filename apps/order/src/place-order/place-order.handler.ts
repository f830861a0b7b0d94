import { Injectable } from '@nestjs/common';
import { newId } from '@platform/contracts';
import { deadlineFor, decideAndApply, requestFingerprint, type OrderStatus } from '../domain';
import { DeadlineSettings } from '../expire-orders/deadline-settings';
import { toOutgoingEvents } from '../published-events';
import { OrderPlacement } from './order-placement';
import { DEFAULT_CHANNEL, type PlaceOrderRequest } from './place-order.request';

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
 * Places an order: the domain decides (prices it, or refuses it with a DomainError), then the
 * order, its history and its OrderPlaced event commit together (the outbox), so the event goes out
 * if and only if the order exists. A request whose Idempotency-Key was used before gets that
 * request's order back, or a conflict if its body differs.
 */
@Injectable()
export class PlaceOrderHandler {
  constructor(
    private readonly placement: OrderPlacement,
    private readonly deadlines: DeadlineSettings,
  ) {}

  async execute(
    request: PlaceOrderRequest,
    {
      correlationId,
      idempotencyKey,
      now = new Date(),
    }: { correlationId: string; idempotencyKey?: string; now?: Date },
  ): Promise<PlacedOrder> {
    const { state, events } = decideAndApply(
      {
        type: 'PlaceOrder',
        orderId: newId(),
        customerId: request.customerId,
        currency: request.currency,
        paymentMethod: request.paymentMethod,
        channel: request.channel,
        deadlineAt: deadlineFor(now, this.deadlines.timeoutMs),
        lines: request.lines.map((line) => ({
          sku: line.sku,
          quantity: line.quantity,
          unitPrice: { amountMinor: line.unitPriceMinor, currency: request.currency },
        })),
        now,
      },
      null,
    );
    const order = state!;
    const outcome = await this.placement.submit({
      order,
      correlationId,
      outgoing: toOutgoingEvents(events, { correlationId, now: () => now }),
      ...(idempotencyKey
        ? { idempotency: { key: idempotencyKey, fingerprint: requestFingerprint(fingerprinted(request)) } }
        : {}),
    });
    switch (outcome.kind) {
      case 'placed':
        return { orderId: order.orderId, status: order.status, correlationId, replayed: false };
      case 'replayed':
        return {
          orderId: outcome.orderId,
          status: outcome.status,
          correlationId: outcome.correlationId,
          replayed: true,
        };
      case 'conflict':
        throw new IdempotencyConflictError(idempotencyKey!, outcome.orderId);
    }
  }
}

/**
 * The body as it was before `channel` existed when it names the default: a client retrying a request
 * across the upgrade, with the same Idempotency-Key, gets its order back rather than a conflict.
 */
function fingerprinted(request: PlaceOrderRequest): object {
  const { channel, ...withoutChannel } = request;
  return channel === DEFAULT_CHANNEL ? withoutChannel : request;
}
