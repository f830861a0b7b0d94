import type { Pool } from 'pg';
import { costOfOneBatch } from '../testing/batch-transaction';
import { createTestDatabase, testEvent } from '../testing/messaging-fixture';
import { inTransaction, type Transaction } from './transaction';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('transaction-test');
  pool = database.pool;
  await pool.query('CREATE TABLE notes (id serial PRIMARY KEY, text text NOT NULL)');
});

afterAll(() => database?.drop());

beforeEach(() => pool.query('TRUNCATE notes'));

const NOTES = Symbol('notes to write');

/** What a repository does: keeps what to write in the transaction's scoped state, writes it once before COMMIT. */
function note(tx: Transaction, text: string): void {
  tx.scoped(
    NOTES,
    (): string[] => [],
    (pending) => [
      { text: 'INSERT INTO notes (text) SELECT unnest($1::text[])', values: [pending.splice(0)] },
    ],
  ).push(text);
}

async function notes(): Promise<string[]> {
  const { rows } = await pool.query<{ text: string }>('SELECT text FROM notes ORDER BY id');
  return rows.map((row) => row.text);
}

describe('a transaction’s scoped state and deferred writes', () => {
  it('are written once, in order, before COMMIT, and each transaction has its own', async () => {
    const seen: string[][] = [];
    await inTransaction(pool, async (tx) => {
      note(tx, 'one');
      note(tx, 'two');
      seen.push([...tx.scoped(NOTES, () => ['a fresh list'])]);
    });
    await inTransaction(pool, async (tx) => seen.push(tx.scoped(NOTES, () => ['a fresh list'])));

    expect(await notes()).toEqual(['one', 'two']);
    expect(seen).toEqual([['one', 'two'], ['a fresh list']]);
  });

  it('vanish with a rollback', async () => {
    await expect(
      inTransaction(pool, async (tx) => {
        note(tx, 'lost');
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');

    expect(await notes()).toEqual([]);
  });

  it('made before a savepoint survive a rollback to it; those after it, and the scoped state, do not', async () => {
    await inTransaction(pool, async (tx) => {
      note(tx, 'before the savepoint');
      const savepoint = await tx.savepoint('event');
      note(tx, 'after the savepoint');
      await savepoint.rollback();
      expect(tx.scoped(NOTES, () => 'forgotten')).toBe('forgotten');
    });

    expect(await notes()).toEqual(['before the savepoint']);
  });

  it('made after a savepoint that was kept are written too', async () => {
    await inTransaction(pool, async (tx) => {
      note(tx, 'before the savepoint');
      await tx.savepoint('event');
      note(tx, 'after the savepoint');
    });

    expect(await notes()).toEqual(['before the savepoint', 'after the savepoint']);
  });

  it('know the keys of the records they apply, and none outside a consumer', async () => {
    const keys: (readonly string[])[] = [];
    await inTransaction(pool, async (tx) => void keys.push(tx.recordKeys), {
      recordKeys: ['order-1', 'order-2'],
    });
    await inTransaction(pool, async (tx) => void keys.push(tx.recordKeys));

    expect(keys).toEqual([['order-1', 'order-2'], []]);
  });
});

describe('a transaction’s round trips', () => {
  it('are none for a transaction that sent nothing and wrote nothing', async () => {
    expect(await costOfOneBatch(pool, [], async () => undefined)).toEqual({ statements: 0, roundTrips: 0 });
  });

  it('are two for a read and deferred writes: BEGIN goes with the read, the writes and the outbox with COMMIT', async () => {
    const cost = await costOfOneBatch(pool, [], async (tx) => {
      const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM notes');
      note(tx, `there were ${rows[0]!.n}`);
      note(tx, 'and one more');
      tx.enqueue({ topic: 'test.notes', key: 'k', event: { envelope: testEvent('k', 1).envelope } });
    });

    expect(cost).toEqual({ statements: 5, roundTrips: 2 });
    expect(await notes()).toEqual(['there were 0', 'and one more']);
    const { rows } = await pool.query('SELECT topic FROM outbox_messages WHERE topic = $1', ['test.notes']);
    expect(rows).toHaveLength(1);
  });

  it('leave nothing behind when a deferred write fails, and end the transaction on the server', async () => {
    await expect(
      inTransaction(pool, async (tx) => {
        note(tx, 'kept only if all commits');
        tx.scoped(
          Symbol('a failing write'),
          () => null,
          () => [{ text: 'INSERT INTO no_such_table VALUES (1)' }],
        );
        tx.enqueue({ topic: 'test.lost', key: 'k', event: { envelope: testEvent('k', 2).envelope } });
      }),
    ).rejects.toThrow(/no_such_table/);

    expect(await notes()).toEqual([]);
    const { rows } = await pool.query('SELECT 1 FROM outbox_messages WHERE topic = $1', ['test.lost']);
    expect(rows).toEqual([]);
    const { rows: open } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(open).toEqual([{ n: 0 }]);
  });
});
