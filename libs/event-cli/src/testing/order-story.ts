/**
 * The events one order's saga publishes, for each way it can end, with chosen ids and times so
 * tests can state exact steps and deltas.
 */
import { EVENT_CATALOGUE, type EventType, type PlatformEvent, envelopeFor } from '@platform/contracts';
import type { TracedEvent } from '../trace/build-trace';

export type StoryOutcome = 'confirmed' | 'out-of-stock' | 'payment-declined' | 'timed-out' | 'pending';

export interface StoryOptions {
  /** occurredAt of OrderPlaced, in ms since the epoch. */
  start?: number;
  /** Milliseconds between one event and the next, in the order of the saga. */
  gaps?: number[];
  correlationId?: string;
}

const TOTAL = { amountMinor: 3_998, currency: 'EUR' };
const LINES = [{ sku: 'SKU-MUG', quantity: 2, unitPrice: { amountMinor: 1_999, currency: 'EUR' } }];

/** The saga's events for one order, in the order they happen. */
export function orderStory(
  orderId: string,
  outcome: StoryOutcome,
  options: StoryOptions = {},
): PlatformEvent[] {
  const { start = Date.UTC(2025, 5, 1, 12), gaps = [], correlationId = `correlation-${orderId}` } = options;
  const events: PlatformEvent[] = [];
  let clock = start;
  let ids = 0;
  const add = (
    type: EventType,
    cause: PlatformEvent | undefined,
    payload: Record<string, unknown>,
  ): PlatformEvent => {
    if (events.length > 0) clock += gaps[events.length - 1] ?? 10;
    const at = clock;
    const envelope = envelopeFor(type, {
      now: () => new Date(at),
      newId: () => `${orderId}-event-${++ids}`,
      ...(cause ? { cause: cause.envelope } : { correlationId }),
    });
    const event = { envelope, orderId, ...payload } as PlatformEvent;
    events.push(event);
    return event;
  };
  const customerId = 'ada@example.com';
  const placed = add('OrderPlaced', undefined, {
    customerId,
    lines: LINES,
    total: TOTAL,
    paymentMethod: 'tok_visa',
    channel: 'web',
  });
  if (outcome === 'pending') return events;
  if (outcome === 'out-of-stock') {
    add('StockRejected', placed, {
      reason: 'OUT_OF_STOCK',
      shortages: [{ sku: 'SKU-MUG', requested: 2, available: 1 }],
    });
    const cancelled = add('OrderCancelled', events[1], {
      customerId,
      total: TOTAL,
      reason: 'OUT_OF_STOCK',
      detail: 'Not enough stock for SKU-MUG (requested 2, available 1)',
    });
    add('NotificationSent', cancelled, {
      customerId,
      kind: 'ORDER_CANCELLED',
      channel: 'LOG',
      recipient: customerId,
    });
    return events;
  }
  const reserved = add('StockReserved', placed, {
    customerId,
    lines: LINES,
    total: TOTAL,
    paymentMethod: 'tok_visa',
  });
  if (outcome === 'payment-declined') {
    const declined = add('PaymentDeclined', reserved, {
      paymentId: `${orderId}-payment`,
      amount: TOTAL,
      reason: 'CARD_DECLINED',
    });
    add('StockReleased', declined, { lines: [{ sku: 'SKU-MUG', quantity: 2 }] });
    const cancelled = add('OrderCancelled', declined, {
      customerId,
      total: TOTAL,
      reason: 'PAYMENT_DECLINED',
      detail: null,
    });
    add('NotificationSent', cancelled, {
      customerId,
      kind: 'ORDER_CANCELLED',
      channel: 'LOG',
      recipient: customerId,
    });
    return events;
  }
  if (outcome === 'timed-out') {
    // Payment was down past the deadline: the order timed out, inventory released on OrderCancelled,
    // and the authorization payment gave once it was back was refunded at the order's request.
    const cancelled = add('OrderCancelled', placed, {
      customerId,
      total: TOTAL,
      reason: 'TIMED_OUT',
      detail: 'No answer for the payment within 900 s',
    });
    add('StockReleased', cancelled, { lines: [{ sku: 'SKU-MUG', quantity: 2 }] });
    add('NotificationSent', cancelled, {
      customerId,
      kind: 'ORDER_CANCELLED',
      channel: 'LOG',
      recipient: customerId,
    });
    const late = add('PaymentAuthorized', reserved, { paymentId: `${orderId}-payment`, amount: TOTAL });
    const refund = add('RefundPayment', late, { paymentId: `${orderId}-payment`, amount: TOTAL });
    add('PaymentRefunded', refund, { paymentId: `${orderId}-payment`, amount: TOTAL });
    return events;
  }
  const authorized = add('PaymentAuthorized', reserved, { paymentId: `${orderId}-payment`, amount: TOTAL });
  const confirmed = add('OrderConfirmed', authorized, { customerId, total: TOTAL });
  add('NotificationSent', confirmed, {
    customerId,
    kind: 'ORDER_CONFIRMED',
    channel: 'LOG',
    recipient: customerId,
  });
  return events;
}

/** Where an event sits, as the reader would report it: on its catalogue topic, partition 0. */
export function traced(events: readonly PlatformEvent[], topicFor = catalogueTopic): TracedEvent[] {
  return events.map((event, i) => ({ topic: topicFor(event), partition: 0, offset: String(i), event }));
}

function catalogueTopic(event: PlatformEvent): string {
  return EVENT_CATALOGUE[event.envelope.eventType as EventType].topic;
}
