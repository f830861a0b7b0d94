import { Pool, type Connection, type PoolClient } from 'pg';
import { createTestDatabase } from '../testing/messaging-fixture';
import { queryInOneRoundTrip } from './one-round-trip';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
let client: PoolClient;

beforeAll(async () => {
  database = await createTestDatabase('one-round-trip-test');
  pool = database.pool;
  await pool.query('CREATE TABLE items (id int PRIMARY KEY, at timestamptz NOT NULL, doc jsonb)');
});

beforeEach(async () => {
  await pool.query('TRUNCATE items');
  client = await pool.connect();
});

afterEach(() => client.release());

afterAll(() => database?.drop());

/** ReadyForQuery messages while `work` runs: PostgreSQL sends one per round trip. */
async function roundTripsOf<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  const connection = (client as unknown as { connection: Connection }).connection;
  let roundTrips = 0;
  const count = () => (roundTrips += 1);
  connection.on('readyForQuery', count);
  try {
    return { result: await work(), roundTrips };
  } finally {
    connection.removeListener('readyForQuery', count);
  }
}

async function ids(): Promise<number[]> {
  const { rows } = await pool.query<{ id: number }>('SELECT id FROM items ORDER BY id');
  return rows.map((row) => row.id);
}

const at = new Date('2026-12-07T10:00:00.000Z');

describe('statements sent in one round trip', () => {
  it('run in order, each with its own parameters, and return their rows parsed as client.query parses them', async () => {
    const { result, roundTrips } = await roundTripsOf(() =>
      queryInOneRoundTrip(client, [
        { text: 'INSERT INTO items (id, at, doc) VALUES ($1, $2, $3)', values: [1, at, { a: [1, 2] }] },
        { text: 'INSERT INTO items (id, at) SELECT unnest($1::int[]), $2', values: [[2, 3], at] },
        { text: 'SELECT id, at, doc FROM items ORDER BY id' },
        { text: "UPDATE items SET doc = '{}' WHERE id > $1", values: [1] },
      ]),
    );

    expect(roundTrips).toBe(1);
    expect(result.map((r) => [r.command, r.rowCount])).toEqual([
      ['INSERT', 1],
      ['INSERT', 2],
      ['SELECT', 3],
      ['UPDATE', 2],
    ]);
    expect(result[2]!.rows).toEqual([
      { id: 1, at, doc: { a: [1, 2] } },
      { id: 2, at, doc: null },
      { id: 3, at, doc: null },
    ]);
    expect(await client.query('SELECT 1 AS still_usable')).toMatchObject({ rows: [{ still_usable: 1 }] });
  });

  it('form one implicit transaction without a BEGIN: a failure undoes the statements before it and skips those after', async () => {
    await expect(
      queryInOneRoundTrip(client, [
        { text: 'INSERT INTO items (id, at) VALUES (1, now())' },
        { text: 'INSERT INTO items (id, at) VALUES (1, now())' },
        { text: 'INSERT INTO items (id, at) VALUES (3, now())' },
      ]),
    ).rejects.toThrow(/duplicate key value violates unique constraint "items_pkey"/);

    expect(await ids()).toEqual([]);
    await queryInOneRoundTrip(client, [{ text: 'INSERT INTO items (id, at) VALUES (4, now())' }]);
    expect(await ids()).toEqual([4]);
  });

  it('leave an explicit transaction aborted at the first failure, for the caller to roll back', async () => {
    await expect(
      queryInOneRoundTrip(client, [
        { text: 'BEGIN' },
        { text: 'INSERT INTO items (id, at) VALUES (1, now())' },
        { text: 'SELECT 1 / 0' },
        { text: 'COMMIT' },
      ]),
    ).rejects.toThrow('division by zero');
    await expect(client.query('SELECT 1')).rejects.toThrow(/current transaction is aborted/);

    await client.query('ROLLBACK');
    expect(await ids()).toEqual([]);
  });

  it('parse a named statement once per connection, even when a later statement of its round fails', async () => {
    const insert = { name: 'insert_item', text: 'INSERT INTO items (id, at) VALUES ($1, now())' };
    await expect(
      queryInOneRoundTrip(client, [
        { ...insert, values: [1] },
        { ...insert, values: [2] },
        { text: 'SELECT no_such_column FROM items' },
      ]),
    ).rejects.toThrow(/no_such_column/);

    await queryInOneRoundTrip(client, [{ ...insert, values: [5] }]);
    await client.query({ ...insert, values: [6] });

    const { rows } = await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
    expect(rows).toEqual([{ name: 'insert_item' }]);
    expect(await ids()).toEqual([5, 6]);
  });

  it('refuse a value that cannot be sent before writing anything, and leave the connection usable', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;

    await expect(
      queryInOneRoundTrip(client, [
        { text: 'INSERT INTO items (id, at) VALUES (1, now())' },
        { text: 'INSERT INTO items (id, at, doc) VALUES (2, now(), $1)', values: [circular] },
      ]),
    ).rejects.toThrow(/circular/i);

    expect(await ids()).toEqual([]);
    expect(await client.query('SELECT 1 AS still_usable')).toMatchObject({ rows: [{ still_usable: 1 }] });
  });

  it('fail with pg’s read timeout when a client’s query_timeout passes', async () => {
    const timed = new Pool({ connectionString: database.url, max: 1, query_timeout: 300 });
    const timedClient = await timed.connect();
    try {
      expect(await queryInOneRoundTrip(timedClient, [{ text: 'SELECT 1 AS n' }])).toMatchObject([
        { rows: [{ n: 1 }] },
      ]);
      await expect(
        queryInOneRoundTrip(timedClient, [{ text: 'SELECT 1' }, { text: 'SELECT pg_sleep(0.6)' }]),
      ).rejects.toThrow('Query read timeout');
    } finally {
      timedClient.release(true);
      await timed.end();
    }
  });
});
