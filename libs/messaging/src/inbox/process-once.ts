import type { EventEnvelope } from '@platform/contracts';
import type { SqlTransaction } from '../outbox/outbox';

/** Prisma's `$transaction(fn)` shape; the transaction client it yields is handed to the handler. */
export interface TransactionalDatabase<Tx extends SqlTransaction> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
}

// Prisma's defaults (2 s to get a connection, 5 s in all) are made for request handlers; a
// consumer behind a burst of HTTP traffic would time out and retry for nothing.
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 30_000 };

export type ProcessOutcome = 'processed' | 'duplicate';

/**
 * Applies an event at most once per consumer group: the processed_events row and the handler's
 * writes commit together or not at all. A redelivery (or a concurrent delivery during a
 * rebalance, which blocks on the primary key until the first commits) finds the row and is
 * acknowledged without effect.
 */
export async function processOnce<Tx extends SqlTransaction>(
  db: TransactionalDatabase<Tx>,
  consumerGroup: string,
  topic: string,
  envelope: EventEnvelope,
  handler: (tx: Tx) => Promise<void>,
): Promise<ProcessOutcome> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO processed_events (consumer_group, event_id, event_type, topic)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      consumerGroup,
      envelope.eventId,
      envelope.eventType,
      topic,
    );
    if (inserted === 0) return 'duplicate';
    await handler(tx);
    return 'processed';
  }, TRANSACTION_LIMITS);
}
