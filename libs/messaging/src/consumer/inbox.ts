import type { EventEnvelope } from '@platform/contracts';
import type { Transaction } from '../database/transaction';

export interface InboxEntry {
  topic: string;
  envelope: EventEnvelope;
}

/**
 * Records, in the caller's transaction, that this consumer group applies these events, and returns
 * the ids it had not applied before: the handlers run for those only, in the same transaction, so
 * the processed_events rows and the handlers' writes commit together or not at all.
 *
 * One statement for a whole batch. A concurrent delivery of the same event (a rebalance hands its
 * partition to another member mid-batch) blocks on the primary key until this transaction ends,
 * then finds the row and skips the event; an id repeated within the batch is claimed once.
 */
export async function claimEvents(
  tx: Transaction,
  consumerGroup: string,
  entries: InboxEntry[],
): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const { rows } = await tx.query<{ event_id: string }>(
    `INSERT INTO processed_events (consumer_group, event_id, event_type, topic)
     SELECT $1, event_id, event_type, topic FROM unnest($2::text[], $3::text[], $4::text[]) AS e (event_id, event_type, topic)
     ON CONFLICT DO NOTHING
     RETURNING event_id`,
    [
      consumerGroup,
      entries.map(({ envelope }) => envelope.eventId),
      entries.map(({ envelope }) => envelope.eventType),
      entries.map(({ topic }) => topic),
    ],
  );
  return new Set(rows.map((row) => row.event_id));
}

/** Takes back the claims of events that were claimed in this transaction but not applied in the end. */
export async function releaseClaims(
  tx: Transaction,
  consumerGroup: string,
  eventIds: string[],
): Promise<void> {
  await tx.query('DELETE FROM processed_events WHERE consumer_group = $1 AND event_id = ANY($2::text[])', [
    consumerGroup,
    eventIds,
  ]);
}
