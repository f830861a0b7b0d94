import type { Connection, Pool, PoolClient } from 'pg';
import { inTransaction, type Transaction } from '../database/transaction';

/** What one transaction sent to PostgreSQL. */
export interface TransactionCost {
  /** Statements executed, BEGIN and COMMIT and the outbox INSERT included. */
  statements: number;
  /** Times the transaction waited for PostgreSQL's answer. */
  roundTrips: number;
}

/**
 * Runs `work` in one transaction the way a consumer runs a batch (its records' keys known as
 * `tx.recordKeys`), and returns what it cost on the wire: what repositories that read ahead and
 * write once per transaction are held to. Counted on the connection itself: every statement of a
 * transaction is sent with the extended protocol (one Bind each), and each round trip ends with
 * one ReadyForQuery.
 */
export async function costOfOneBatch(
  pool: Pool,
  recordKeys: string[],
  work: (tx: Transaction) => Promise<void>,
): Promise<TransactionCost> {
  const cost: TransactionCost = { statements: 0, roundTrips: 0 };
  let stopCounting = () => {};
  try {
    await inTransaction(
      pool,
      (tx) => {
        stopCounting = countOnTheWire(tx.client, cost);
        return work(tx);
      },
      { recordKeys },
    );
  } finally {
    stopCounting();
  }
  return cost;
}

function countOnTheWire(client: PoolClient, cost: TransactionCost): () => void {
  const connection = (client as unknown as { connection: Connection }).connection;
  const bind = connection.bind.bind(connection);
  connection.bind = (...args) => ((cost.statements += 1), bind(...args));
  const roundTrip = () => (cost.roundTrips += 1);
  connection.on('readyForQuery', roundTrip);
  return () => {
    delete (connection as Partial<Connection>).bind;
    connection.removeListener('readyForQuery', roundTrip);
  };
}
