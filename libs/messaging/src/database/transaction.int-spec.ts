import type { Pool } from 'pg';
import { createTestDatabase } from '../testing/messaging-fixture';
import { inTransaction, type PgTransaction } from './transaction';

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
function note(tx: PgTransaction, text: string): void {
  tx.scoped(NOTES, () => {
    const pending: string[] = [];
    tx.beforeCommit(() =>
      tx
        .query('INSERT INTO notes (text) SELECT unnest($1::text[])', [pending.splice(0)])
        .then(() => undefined),
    );
    return pending;
  }).push(text);
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
