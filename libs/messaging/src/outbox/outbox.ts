import type { EventEnvelope } from '@platform/contracts';
import { envelopeHeaders } from '../codec/envelope-headers';

/**
 * The one thing the outbox needs from a transaction. Prisma's interactive-transaction client has
 * it, so handlers pass their `tx` straight in; a pg client can be adapted in one line.
 */
export interface SqlTransaction {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface OutgoingEvent {
  topic: string;
  /** Partition key: events of one order share it, so they stay in order within a topic. */
  key: string;
  event: { envelope: EventEnvelope };
}

export const OUTBOX_CHANNEL = 'outbox_messages';

/**
 * Records events in the caller's transaction: they become visible to the relay exactly when the
 * state change that caused them commits, and vanish with it on rollback. NOTIFY is transactional
 * too, so the relay is woken at commit, not before.
 */
export async function enqueueEvents(tx: SqlTransaction, events: OutgoingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const values: unknown[] = [];
  const rows = events.map(({ topic, key, event }, index) => {
    values.push(
      event.envelope.eventId,
      event.envelope.eventType,
      topic,
      key,
      JSON.stringify(event),
      JSON.stringify(envelopeHeaders(event.envelope)),
    );
    const p = index * 6;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::jsonb, $${p + 6}::jsonb)`;
  });
  await tx.$executeRawUnsafe(
    `INSERT INTO outbox_messages (event_id, event_type, topic, message_key, payload, headers) VALUES ${rows.join(', ')}`,
    ...values,
  );
  await tx.$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`);
}
