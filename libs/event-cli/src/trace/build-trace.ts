/**
 * The story of one order, derived from its events alone: each step with its time and the time since
 * the step before, and the state the events leave the order in. Pure, so the rules are tested
 * without a broker.
 */
import { EVENT_TYPES, type EventType, type OrderCancelled, type PlatformEvent } from '@platform/contracts';
import type { DecodedEvent } from '../events/decode-record';
import { type EventFacts, eventFacts } from '../events/event-facts';

export type TracedEvent = Pick<DecodedEvent, 'topic' | 'partition' | 'offset' | 'event'>;

export interface TraceStep {
  step: number;
  /** envelope.occurredAt as ISO 8601 (UTC). */
  occurredAt: string;
  /** Milliseconds since the previous step (0 for the first). */
  deltaMs: number;
  /** Milliseconds since the first step. */
  elapsedMs: number;
  eventType: string;
  /** The producing service (envelope.source). */
  source: string;
  topic: string;
  partition: number;
  offset: string;
  eventId: string;
  causationId: string | null;
  facts: EventFacts;
  /** How often the event is on its topic: more than 1 when a producer retry published it again. */
  copies: number;
}

export type FinalState =
  | { status: 'CONFIRMED' }
  | { status: 'CANCELLED'; reason: OrderCancelled['reason']; detail: string | null }
  | { status: 'PENDING' };

export interface OrderTrace {
  orderId: string;
  /** The correlation id of the order's first event: the one the request that placed it carried. */
  correlationId: string | null;
  steps: TraceStep[];
  finalState: FinalState;
}

/**
 * Keeps the order's events, once each (at-least-once delivery may have published one twice), in
 * the order they happened. Events of the same millisecond keep the saga's order, so a cause never
 * appears after its effect.
 */
export function buildTrace(orderId: string, events: readonly TracedEvent[]): OrderTrace {
  const copies = new Map<string, number>();
  const unique: TracedEvent[] = [];
  for (const traced of events) {
    if (traced.event.orderId !== orderId) continue;
    const { eventId } = traced.event.envelope;
    const seen = copies.get(eventId) ?? 0;
    copies.set(eventId, seen + 1);
    if (seen === 0) unique.push(traced);
  }
  unique.sort(
    (a, b) =>
      occurredAt(a.event) - occurredAt(b.event) ||
      sagaPosition(a.event) - sagaPosition(b.event) ||
      a.topic.localeCompare(b.topic) ||
      Number(BigInt(a.offset) - BigInt(b.offset)),
  );
  const first = unique[0] ? occurredAt(unique[0].event) : 0;
  const steps = unique.map(({ topic, partition, offset, event }, i): TraceStep => {
    const at = occurredAt(event);
    const previous = i === 0 ? at : occurredAt(unique[i - 1]!.event);
    return {
      step: i + 1,
      occurredAt: new Date(at).toISOString(),
      deltaMs: at - previous,
      elapsedMs: at - first,
      eventType: event.envelope.eventType,
      source: event.envelope.source,
      topic,
      partition,
      offset,
      eventId: event.envelope.eventId,
      causationId: event.envelope.causationId,
      facts: eventFacts(event),
      copies: copies.get(event.envelope.eventId)!,
    };
  });
  return {
    orderId,
    correlationId: unique[0]?.event.envelope.correlationId ?? null,
    steps,
    finalState: finalState(unique.map((t) => t.event)),
  };
}

/**
 * The order service ends an order with one OrderConfirmed or one OrderCancelled; a stock rejection
 * or payment decline alone leaves it PENDING until the service has reacted. Should both ever be on
 * the topics, the first one ended the order.
 */
function finalState(events: readonly PlatformEvent[]): FinalState {
  for (const event of events) {
    if (event.envelope.eventType === 'OrderConfirmed') return { status: 'CONFIRMED' };
    if (event.envelope.eventType === 'OrderCancelled') {
      const { reason, detail } = event as OrderCancelled;
      return { status: 'CANCELLED', reason, detail };
    }
  }
  return { status: 'PENDING' };
}

/** CONFIRMED, CANCELLED(OUT_OF_STOCK) or PENDING. */
export function describeFinalState(state: FinalState): string {
  return state.status === 'CANCELLED' ? `CANCELLED(${state.reason})` : state.status;
}

// The registry client decodes timestamp-millis as a plain number; Number() also accepts a Date.
function occurredAt(event: PlatformEvent): number {
  return Number(event.envelope.occurredAt);
}

function sagaPosition(event: PlatformEvent): number {
  const index = EVENT_TYPES.indexOf(event.envelope.eventType as EventType);
  return index === -1 ? EVENT_TYPES.length : index;
}
