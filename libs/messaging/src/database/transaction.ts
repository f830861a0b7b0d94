import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { outboxInsert, type OutboxWakeup, type OutgoingEvent } from '../outbox/outbox';
import { queryInOneRoundTrip, type Statement } from './one-round-trip';

export type { Statement } from './one-round-trip';

/**
 * A PostgreSQL transaction as handlers and commands see it: SQL, and events to publish.
 *
 * Events given to `enqueue` go into the outbox in one INSERT just before COMMIT, so they become
 * visible to the relay exactly when the state change that caused them commits, and vanish with it
 * on rollback. Collecting them first is what lets a batch of a hundred events cost one INSERT.
 */
export interface Transaction {
  query<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<Row>>;
  /** Several statements in one round trip, run in order; their results in the same order. */
  queryAll(statements: readonly Statement[]): Promise<QueryResult[]>;
  enqueue(...events: OutgoingEvent[]): void;
  /**
   * The Kafka keys of the records this transaction applies, in order; empty outside a consumer's
   * batch. With them a repository reads ahead, in one query, what every event of the batch needs.
   */
  readonly recordKeys: readonly string[];
  /**
   * State that lives as long as this transaction, under `key` (a repository's rows read ahead, the
   * writes it makes once for many events): created on first use, forgotten on a rollback to a
   * savepoint. `writes`, when given, is asked once before COMMIT (and before a savepoint) for the
   * statements that write the state: they go to PostgreSQL in the same round trip as the outbox
   * INSERT and the COMMIT.
   */
  scoped<T>(key: symbol, create: () => T, writes?: (state: T) => Statement[]): T;
}

const preparedNames = new Map<string, string>();

/**
 * Handlers run the same few statements for every event, so each is prepared once per connection
 * (pg keeps named statements per client) instead of parsed and planned by PostgreSQL every time.
 * The name is derived from the text, so identical SQL shares one prepared statement.
 */
function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `stmt_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    preparedNames.set(text, name);
  }
  return name;
}

function prepared(statement: Statement): Statement {
  return { ...statement, name: preparedName(statement.text) };
}

const BEGIN: Statement = { text: 'BEGIN' };
const COMMIT: Statement = { text: 'COMMIT' };

/**
 * The transaction's connection and what it has enqueued, for the code that owns the transaction.
 *
 * Round trips are what a transaction costs here, so it makes few: BEGIN goes with its first
 * statement, and the deferred writes, the outbox INSERT and COMMIT go together (queryInOneRoundTrip).
 * A consumer's batch whose repositories read ahead once or twice therefore costs two or three round
 * trips whatever its size, and a transaction that ends up doing nothing costs none.
 */
export class PgTransaction implements Transaction {
  private readonly enqueued: OutgoingEvent[] = [];
  private readonly state = new Map<symbol, unknown>();
  private readonly deferredWrites: (() => Statement[])[] = [];
  private begun = false;

  constructor(
    readonly client: PoolClient,
    private readonly wakeup?: OutboxWakeup,
    readonly recordKeys: readonly string[] = [],
  ) {}

  scoped<T>(key: symbol, create: () => T, writes?: (state: T) => Statement[]): T {
    if (!this.state.has(key)) {
      const state = create();
      this.state.set(key, state);
      if (writes) this.deferredWrites.push(() => writes(state));
    }
    return this.state.get(key) as T;
  }

  async query<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<Row>> {
    const [result] = await this.queryAll([{ text, values: values ?? [] }]);
    return result as QueryResult<Row>;
  }

  queryAll(statements: readonly Statement[]): Promise<QueryResult[]> {
    return this.send(statements.map(prepared));
  }

  enqueue(...events: OutgoingEvent[]): void {
    this.enqueued.push(...events);
  }

  /**
   * Marks a point to come back to: `rollback()` undoes the SQL since then and forgets what was
   * enqueued since then, leaving the transaction usable. Costs one round trip (the deferred writes
   * so far and SAVEPOINT).
   */
  async savepoint(name: string): Promise<{ rollback: () => Promise<void> }> {
    // Writes deferred so far belong before the savepoint: made now, with the state that deferred
    // them, which starts afresh (and is read again from the database where needed) on both sides.
    const writes = this.takeDeferredWrites();
    this.state.clear();
    await this.send([...writes, { text: `SAVEPOINT ${name}` }]);
    const enqueuedBefore = this.enqueued.length;
    return {
      rollback: async () => {
        await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        this.enqueued.length = enqueuedBefore;
        this.deferredWrites.length = 0;
        this.state.clear();
      },
    };
  }

  /**
   * The deferred writes, the outbox INSERT of what was enqueued, and COMMIT, in one round trip.
   * Returns how many events were written to the outbox.
   */
  async commit(): Promise<number> {
    const writes = this.takeDeferredWrites();
    const events = this.enqueued.splice(0);
    if (events.length > 0) writes.push(prepared(outboxInsert(events, { notify: !this.wakeup?.isLocal })));
    // Nothing sent and nothing to write: there is no transaction on the server to end.
    if (!this.begun && writes.length === 0) return 0;
    await this.send([...writes, COMMIT]);
    return events.length;
  }

  async rollback(): Promise<void> {
    if (this.begun) await this.client.query('ROLLBACK');
  }

  private takeDeferredWrites(): Statement[] {
    return this.deferredWrites.splice(0).flatMap((writes) => writes().map(prepared));
  }

  /** BEGIN goes in the same round trip as the transaction's first statements. */
  private async send(statements: Statement[]): Promise<QueryResult[]> {
    if (this.begun && statements.length === 1) {
      const [{ name, text, values }] = statements as [Statement];
      return [await this.client.query({ ...(name ? { name } : {}), text, values: [...(values ?? [])] })];
    }
    if (this.begun) return queryInOneRoundTrip(this.client, statements);
    this.begun = true;
    const [, ...results] = await queryInOneRoundTrip(this.client, [BEGIN, ...statements]);
    return results;
  }
}

/**
 * Runs `work` in a transaction on a pooled connection: BEGIN, the work, its deferred writes, the outbox, COMMIT; or
 * ROLLBACK if anything threw. `wakeup` is how the outbox relay learns of the events (see
 * OutboxWakeup); without it, the commit sends a NOTIFY. The connection goes back to the pool either way, and is discarded
 * (not reused) when the failure may have left it broken.
 */
export async function inTransaction<R>(
  pool: Pool,
  work: (tx: PgTransaction) => Promise<R>,
  { wakeup, recordKeys }: { wakeup?: OutboxWakeup | undefined; recordKeys?: readonly string[] } = {},
): Promise<R> {
  const client = await pool.connect();
  const tx = new PgTransaction(client, wakeup, recordKeys);
  let broken: Error | undefined;
  try {
    const result = await work(tx);
    const written = await tx.commit();
    if (written > 0) wakeup?.wake();
    return result;
  } catch (error) {
    await tx.rollback().catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
