import { MigrationError, UsageError } from '../errors';
import { fixture } from '../testing/fixtures';
import { createThrowawayDatabase, query, type ThrowawayDatabase } from '@platform/testing';
import { migrate } from './migrate';

const shop = { dir: fixture('shop', 'migrations'), table: 'shop_migrations' };
const outbox = { dir: fixture('outbox', 'migrations'), table: 'outbox_migrations' };

describe('migrate', () => {
  let db: ThrowawayDatabase;
  beforeEach(async () => {
    db = await createThrowawayDatabase('migrate');
  });
  afterEach(async () => {
    await db.drop();
  });

  const tables = async (): Promise<string[]> =>
    (
      await query<{ table_name: string }>(
        db.url,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      )
    ).map((r) => r.table_name);
  const recorded = async (table: string): Promise<string[]> =>
    (await query<{ name: string }>(db.url, `SELECT name FROM ${table} ORDER BY id`)).map((r) => r.name);

  it('applies every SQL migration of a set in order, ignoring files that are not SQL', async () => {
    const applied = await migrate({ databaseUrl: db.url, migrationSets: [shop] });

    expect(applied.map((m) => m.name)).toEqual(['001_create_customers', '002_create_orders']);
    expect(await tables()).toEqual(['customers', 'order_lines', 'orders', 'shop_migrations']);
    expect(await recorded('shop_migrations')).toEqual(['001_create_customers', '002_create_orders']);
  });

  it('applies nothing when run again', async () => {
    await migrate({ databaseUrl: db.url, migrationSets: [shop] });
    expect(await migrate({ databaseUrl: db.url, migrationSets: [shop] })).toEqual([]);
    expect(await recorded('shop_migrations')).toHaveLength(2);
  });

  it('tracks two sets in one database, each in its own table', async () => {
    await migrate({ databaseUrl: db.url, migrationSets: [outbox] });
    const applied = await migrate({ databaseUrl: db.url, migrationSets: [outbox, shop] });

    expect(applied.map((m) => `${m.table}:${m.name}`)).toEqual([
      'shop_migrations:001_create_customers',
      'shop_migrations:002_create_orders',
    ]);
    expect(await recorded('outbox_migrations')).toEqual(['001_create_outbox']);
    expect(await recorded('shop_migrations')).toEqual(['001_create_customers', '002_create_orders']);
  });

  it('keeps a bookkeeping table in another schema when asked', async () => {
    await migrate({ databaseUrl: db.url, migrationSets: [{ ...outbox, table: 'bookkeeping.outbox' }] });
    expect(await recorded('bookkeeping.outbox')).toEqual(['001_create_outbox']);
  });

  it('applies each migration once when several processes start at the same time', async () => {
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => migrate({ databaseUrl: db.url, migrationSets: [outbox, shop] })),
    );

    // CREATE TABLE without IF NOT EXISTS: a second application would have failed its run.
    expect(runs.map((applied) => applied.length).sort()).toEqual([0, 0, 0, 3]);
    expect(await recorded('shop_migrations')).toHaveLength(2);
    expect(await recorded('outbox_migrations')).toHaveLength(1);
  });

  it('names the failing file and applies nothing of its set', async () => {
    const broken = { dir: fixture('broken', 'migrations'), table: 'broken_migrations' };
    const error = await migrate({ databaseUrl: db.url, migrationSets: [outbox, broken] }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(MigrationError);
    const { message, code, details } = error as MigrationError;
    expect(code).toBe('MIGRATION_FAILED');
    expect(message).toContain('Migration 002_add_widget_name.sql');
    expect(message).toContain('relation "widgetz" does not exist');
    expect(details.file).toBe(fixture('broken', 'migrations', '002_add_widget_name.sql'));
    // The earlier set stays applied; the broken set is rolled back as a whole.
    expect(await tables()).toEqual(['broken_migrations', 'outbox_messages', 'outbox_migrations']);
    expect(await recorded('broken_migrations')).toEqual([]);
  });

  it('reports a missing directory and sets that share a table', async () => {
    await expect(
      migrate({ databaseUrl: db.url, migrationSets: [{ dir: fixture('nowhere'), table: 't' }] }),
    ).rejects.toThrow(/Migration directory .*nowhere does not exist/);
    await expect(
      migrate({ databaseUrl: db.url, migrationSets: [shop, { ...outbox, table: 'shop_migrations' }] }),
    ).rejects.toThrow(UsageError);
  });
});
