import type { EventEnvelope, OrderPlaced, StockShortage } from '@platform/contracts';
import { outgoingEvent, type OutgoingEvent } from '@platform/messaging';
import type { Shortage, StockLine, StockRejectionReason } from './domain';

/**
 * The wire form (Avro contract) of what inventory tells the others. Every event it emits reacts
 * to another, so correlation and causation always come from `cause`.
 */

/** Copies what payment needs from the order, so payment never has to ask the order service. */
export function stockReserved(placed: OrderPlaced): OutgoingEvent {
  return outgoingEvent(
    'StockReserved',
    {
      orderId: placed.orderId,
      customerId: placed.customerId,
      lines: placed.lines.map(({ sku, quantity, unitPrice }) => ({
        sku,
        quantity,
        unitPrice: { ...unitPrice },
      })),
      total: { ...placed.total },
      paymentMethod: placed.paymentMethod,
    },
    { cause: placed.envelope },
  );
}

export function stockRejected(
  orderId: string,
  reason: StockRejectionReason,
  shortages: readonly Shortage[],
  cause: EventEnvelope,
): OutgoingEvent {
  return outgoingEvent(
    'StockRejected',
    { orderId, reason, shortages: shortages.map((shortage): StockShortage => ({ ...shortage })) },
    { cause },
  );
}

export function stockReleased(
  orderId: string,
  lines: readonly StockLine[],
  cause: EventEnvelope,
): OutgoingEvent {
  return outgoingEvent(
    'StockReleased',
    { orderId, lines: lines.map(({ sku, quantity }) => ({ sku, quantity })) },
    { cause },
  );
}
