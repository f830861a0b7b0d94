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
 * One INSERT for all the events of a transaction, in the order given (ids follow it, and the relay
 * publishes in id order), and the NOTIFY that wakes the relay, in the same statement: NOTIFY is
 * transactional, so the relay wakes at commit, never before.
 */
export async function writeOutbox(
  client: { query(text: string, values: unknown[]): Promise<unknown> },
  events: OutgoingEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `WITH written AS (
       INSERT INTO outbox_messages (event_id, event_type, topic, message_key, payload, headers)
       SELECT event_id, event_type, topic, message_key, payload, headers
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])
              WITH ORDINALITY AS e (event_id, event_type, topic, message_key, payload, headers, position)
        ORDER BY position
       RETURNING 1
     )
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM written)`,
    [
      events.map(({ event }) => event.envelope.eventId),
      events.map(({ event }) => event.envelope.eventType),
      events.map(({ topic }) => topic),
      events.map(({ key }) => key),
      events.map(({ event }) => JSON.stringify(event)),
      events.map(({ event }) => JSON.stringify(envelopeHeaders(event.envelope))),
    ],
  );
}
