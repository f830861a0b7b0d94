import path from 'node:path';
import { migrate } from '@platform/database';
import { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from '@platform/messaging';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@platform/testing';

/** A throwaway database with the order service's tables and the messaging ones, as the app migrates them. */
export async function createOrderTestDatabase(prefix: string): Promise<ThrowawayDatabase> {
  const database = await createThrowawayDatabase(prefix);
  await migrate({
    databaseUrl: database.url,
    migrationSets: [
      { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
      { dir: path.resolve(__dirname, '..', '..', 'migrations'), table: 'order_migrations' },
    ],
  });
  return database;
}
