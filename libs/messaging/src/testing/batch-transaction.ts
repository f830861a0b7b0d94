import type { Pool } from 'pg';
import { inTransaction, type Transaction } from '../database/transaction';

/**
 * Runs `work` in one transaction the way a consumer runs a batch (its records' keys known as
 * `tx.recordKeys`), and returns how many statements it sent: what repositories that read ahead
 * and write once per transaction are held to.
 */
export async function statementsOfOneBatch(
  pool: Pool,
  recordKeys: string[],
  work: (tx: Transaction) => Promise<void>,
): Promise<number> {
  let statements = 0;
  await inTransaction(
    pool,
    (tx) =>
      work(
        new Proxy(tx, {
          get: (target, property, receiver) =>
            property === 'query'
              ? (...args: Parameters<Transaction['query']>) => ((statements += 1), target.query(...args))
              : Reflect.get(target, property, receiver),
        }),
      ),
    { recordKeys },
  );
  return statements;
}
