import { UsageError } from '../errors';

/**
 * One directory of versioned SQL migrations and the table that records which of them ran.
 * A database can hold several sets (the messaging library's outbox tables next to an app's
 * own tables), each tracked in its own table so neither sees the other's files as unknown.
 */
export interface MigrationSet {
  /** Directory of `<number>_<name>.sql` files with `-- Up Migration` / `-- Down Migration` sections. */
  dir: string;
  /** Bookkeeping table, `table` (in schema public) or `schema.table`. */
  table: string;
}

export const DEFAULT_MIGRATIONS_TABLE = 'pgmigrations';

export function splitTableName(qualified: string): { schema: string; table: string } {
  const parts = qualified.split('.');
  if (parts.length === 1 && parts[0]) return { schema: 'public', table: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1]) return { schema: parts[0], table: parts[1] };
  throw new UsageError(`Invalid migrations table "${qualified}": expected "table" or "schema.table"`);
}

/** Two sets sharing a bookkeeping table would each treat the other's migrations as out of order. */
export function assertDistinctTables(sets: readonly MigrationSet[]): void {
  if (sets.length === 0) throw new UsageError('No migration sets given');
  const seen = new Map<string, string>();
  for (const set of sets) {
    const { schema, table } = splitTableName(set.table);
    const key = `${schema}.${table}`;
    const other = seen.get(key);
    if (other !== undefined)
      throw new UsageError(
        `Migration sets ${other} and ${set.dir} both use the table ${key}; give each its own`,
      );
    seen.set(key, set.dir);
  }
}
