import type { EventEnvelope } from '@platform/contracts';
import type { Pool } from 'pg';
import { inTransaction, type Transaction } from '../database/transaction';
import { claimEvents } from './inbox';

export type ProcessOutcome = 'processed' | 'duplicate';

/**
 * Applies one event at most once for a consumer group, exactly as the pipeline applies a batch of
 * one: the processed_events row, the handler's writes and what it enqueued commit together. For
 * code that applies an event outside a consumer (tests of a handler, a one-off repair).
 */
export async function processOnce(
  pool: Pool,
  consumerGroup: string,
  topic: string,
  envelope: EventEnvelope,
  handler: (tx: Transaction) => Promise<void>,
): Promise<ProcessOutcome> {
  return inTransaction(pool, async (tx) => {
    const claimed = await claimEvents(tx, consumerGroup, [{ topic, envelope }]);
    if (claimed.size === 0) return 'duplicate';
    await handler(tx);
    return 'processed';
  });
}
