import type { EventEnvelope } from '@platform/contracts';
import { envelopeHeaders } from '../codec/envelope-headers';

export interface OutgoingEvent {
  topic: string;
  /** Partition key: events of one order share it, so they stay in order within a topic. */
  key: string;
  event: { envelope: EventEnvelope };
}

export const OUTBOX_CHANNEL = 'outbox_messages';

/**
 * How the relay hears about new rows. When the relay that publishes this database runs in the same
 * process, it is woken directly after the commit; otherwise the commit sends a NOTIFY. Skipping
 * NOTIFY matters: PostgreSQL serialises the commits of every transaction that notified (a global
 * lock held through the commit), which took 30 % off commit throughput at eight clients here.
 */
export interface OutboxWakeup {
  /** True while a relay in this process publishes this database's outbox. */
  readonly isLocal: boolean;
  /** Called after a commit that wrote outbox rows. */
  wake(): void;
}

/**
 * One INSERT for all the events of a transaction, in the order given (ids follow it, and the relay
 * publishes in id order), with, when `notify`, the NOTIFY that wakes the relay in the same
 * statement: NOTIFY is transactional, so the relay wakes at commit, never before.
 */
export async function writeOutbox(
  client: { query(text: string, values: unknown[]): Promise<unknown> },
  events: OutgoingEvent[],
  { notify = true }: { notify?: boolean } = {},
): Promise<void> {
  if (events.length === 0) return;
  const { text, values } = outboxInsert(events, { notify });
  await client.query(text, values);
}

/** The statement writeOutbox runs, for a caller that sends it together with others (PgTransaction.commit). */
export function outboxInsert(
  events: OutgoingEvent[],
  { notify }: { notify: boolean },
): { text: string; values: unknown[] } {
  return { text: notify ? INSERT_AND_NOTIFY : INSERT, values: outboxColumns(events) };
}

const INSERT = `
  INSERT INTO outbox_messages (event_id, event_type, topic, message_key, payload, headers)
  SELECT event_id, event_type, topic, message_key, payload, headers
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])
         WITH ORDINALITY AS e (event_id, event_type, topic, message_key, payload, headers, position)
   ORDER BY position`;

const INSERT_AND_NOTIFY = `
  WITH written AS (${INSERT} RETURNING 1)
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM written)`;

function outboxColumns(events: OutgoingEvent[]): unknown[] {
  return [
    events.map(({ event }) => event.envelope.eventId),
    events.map(({ event }) => event.envelope.eventType),
    events.map(({ topic }) => topic),
    events.map(({ key }) => key),
    events.map(({ event }) => JSON.stringify(event)),
    events.map(({ event }) => JSON.stringify(envelopeHeaders(event.envelope))),
  ];
}
