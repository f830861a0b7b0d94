import type { Pool, PoolClient } from 'pg';
import type { SqlTransaction } from '../outbox/outbox';
import type { TransactionalDatabase } from './process-once';

export interface PgTransaction extends SqlTransaction {
  client: PoolClient;
}

/**
 * The Prisma transaction shape over a plain pg pool, for processes that have no Prisma client of
 * their own (the benchmark, tools, the library's tests).
 */
export function pgDatabase(pool: Pool): TransactionalDatabase<PgTransaction> {
  return {
    async $transaction<R>(fn: (tx: PgTransaction) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          client,
          $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
