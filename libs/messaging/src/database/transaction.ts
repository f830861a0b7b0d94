import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { writeOutbox, type OutboxWakeup, type OutgoingEvent } from '../outbox/outbox';

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
  enqueue(...events: OutgoingEvent[]): void;
  /**
   * The Kafka keys of the records this transaction applies, in order; empty outside a consumer's
   * batch. With them a repository reads ahead, in one query, what every event of the batch needs.
   */
  readonly recordKeys: readonly string[];
  /**
   * State that lives as long as this transaction, under `key` (a repository's rows read ahead, the
   * writes it makes once for many events): created on first use, forgotten on a rollback to a savepoint.
   */
  scoped<T>(key: symbol, create: () => T): T;
  /** Work done once after the handlers, before the outbox and COMMIT (and before a savepoint): deferred writes. */
  beforeCommit(write: () => Promise<void>): void;
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

/** The transaction's connection and what it has enqueued, for the code that owns the transaction. */
export class PgTransaction implements Transaction {
  private readonly enqueued: OutgoingEvent[] = [];
  private readonly state = new Map<symbol, unknown>();
  private readonly deferredWrites: (() => Promise<void>)[] = [];

  constructor(
    readonly client: PoolClient,
    private readonly wakeup?: OutboxWakeup,
    readonly recordKeys: readonly string[] = [],
  ) {}

  scoped<T>(key: symbol, create: () => T): T {
    if (!this.state.has(key)) this.state.set(key, create());
    return this.state.get(key) as T;
  }

  beforeCommit(write: () => Promise<void>): void {
    this.deferredWrites.push(write);
  }

  /** Makes the deferred writes, in the order they were deferred; called before COMMIT and SAVEPOINT. */
  async flushDeferredWrites(): Promise<void> {
    for (const write of this.deferredWrites.splice(0)) await write();
  }

  query<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<Row>> {
    return this.client.query<Row>({ name: preparedName(text), text, values: values ?? [] });
  }

  enqueue(...events: OutgoingEvent[]): void {
    this.enqueued.push(...events);
  }

  /**
   * Marks a point to come back to: `rollback()` undoes the SQL since then and forgets what was
   * enqueued since then, leaving the transaction usable. Costs one round trip (SAVEPOINT).
   */
  async savepoint(name: string): Promise<{ rollback: () => Promise<void> }> {
    // Writes deferred so far belong before the savepoint: made now, with the state that deferred
    // them, which starts afresh (and is read again from the database where needed) on both sides.
    await this.flushDeferredWrites();
    this.state.clear();
    await this.client.query(`SAVEPOINT ${name}`);
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

  /** Writes what was enqueued and forgets it; called right before COMMIT. */
  async flushOutbox(): Promise<number> {
    const events = this.enqueued.splice(0);
    await writeOutbox(this, events, { notify: !this.wakeup?.isLocal });
    return events.length;
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
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const tx = new PgTransaction(client, wakeup, recordKeys);
    const result = await work(tx);
    await tx.flushDeferredWrites();
    const written = await tx.flushOutbox();
    await client.query('COMMIT');
    if (written > 0) wakeup?.wake();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
