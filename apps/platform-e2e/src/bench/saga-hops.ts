import { percentiles } from './percentiles';

/** What the benchmark reads of one saga event: its headers and its Kafka timestamp, never its Avro body. */
export interface ObservedEvent {
  orderId: string;
  eventId: string;
  eventType: string;
  causationId?: string;
  /** The envelope's occurred-at: when the handler (or the POST) wrote the event in its transaction. */
  occurredAtMs: number;
  /** The record's Kafka timestamp: when the outbox relay produced it. */
  onKafkaAtMs: number;
}

export interface HopFigures {
  hop: string;
  count: number;
  p50: number;
  p99: number;
}

interface Sample {
  hop: string;
  /** Where the hop sits in the saga, to print hops in the order an order goes through them. */
  position: number;
  ms: number;
}

/**
 * Splits POST→final into hops from the events' own times: "written → on Kafka" is the outbox relay
 * (commit, wake-up, produce); "A on Kafka → B written" is the consumer that handled A (fetch, inbox,
 * handler) up to the moment it wrote B; the first hop starts at the POST and the last ends when the
 * benchmark saw the final event. Times are wall-clock milliseconds of one machine, so hops of a few
 * milliseconds carry a millisecond of rounding.
 */
export class SagaHops {
  private readonly byEventId = new Map<string, ObservedEvent>();
  private readonly byOrder = new Map<string, ObservedEvent[]>();

  record(event: ObservedEvent): void {
    if (this.byEventId.has(event.eventId)) return;
    this.byEventId.set(event.eventId, event);
    const events = this.byOrder.get(event.orderId);
    if (events) events.push(event);
    else this.byOrder.set(event.orderId, [event]);
  }

  /** Whether an event of one of these types was recorded for the order. */
  has(orderId: string, eventTypes: readonly string[]): boolean {
    return (this.byOrder.get(orderId) ?? []).some((event) => eventTypes.includes(event.eventType));
  }

  /**
   * Figures over the given orders: `postedAtMs` is when each order's POST was sent and `finalSeenAtMs`
   * when the benchmark saw its final event (both wall clock, ms).
   */
  summarise(
    postedAtMs: ReadonlyMap<string, number>,
    finalSeenAtMs: ReadonlyMap<string, number>,
    finalEventTypes: readonly string[],
  ): HopFigures[] {
    const samples: Sample[] = [];
    for (const [orderId, postedAt] of postedAtMs) {
      const events = this.byOrder.get(orderId) ?? [];
      for (const event of events) {
        const cause = event.causationId ? this.byEventId.get(event.causationId) : undefined;
        const depth = this.depthOf(event);
        if (cause) {
          samples.push({
            hop: `${cause.eventType} on Kafka → ${event.eventType} written`,
            position: depth * 2,
            ms: event.occurredAtMs - cause.onKafkaAtMs,
          });
        } else if (!event.causationId) {
          samples.push({
            hop: `POST → ${event.eventType} written`,
            position: 0,
            ms: event.occurredAtMs - postedAt,
          });
        }
        samples.push({
          hop: `${event.eventType} written → on Kafka`,
          position: depth * 2 + 1,
          ms: event.onKafkaAtMs - event.occurredAtMs,
        });
        const seenAt = finalSeenAtMs.get(orderId);
        if (seenAt !== undefined && finalEventTypes.includes(event.eventType)) {
          samples.push({
            hop: `${event.eventType} on Kafka → seen by the benchmark`,
            position: depth * 2 + 2,
            ms: seenAt - event.onKafkaAtMs,
          });
        }
      }
    }
    return figuresByHop(samples);
  }

  /** How many events precede this one in its causal chain (OrderPlaced is 0). */
  private depthOf(event: ObservedEvent): number {
    let depth = 0;
    const seen = new Set<string>();
    for (let at = event; at.causationId && !seen.has(at.eventId); depth++) {
      seen.add(at.eventId);
      const cause = this.byEventId.get(at.causationId);
      if (!cause) break;
      at = cause;
    }
    return depth;
  }
}

function figuresByHop(samples: Sample[]): HopFigures[] {
  const groups = new Map<string, { position: number; values: number[] }>();
  for (const { hop, position, ms } of samples) {
    const group = groups.get(hop);
    if (group) {
      group.values.push(ms);
      group.position = Math.min(group.position, position);
    } else groups.set(hop, { position, values: [ms] });
  }
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => x.position - y.position || a.localeCompare(b))
    .map(([hop, { values }]) => {
      const figures = percentiles(values, [50, 99]);
      return { hop, count: values.length, p50: figures['p50']!, p99: figures['p99']! };
    });
}
