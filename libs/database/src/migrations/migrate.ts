import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunnerOption } from 'node-pg-migrate';
import { MigrationError } from '../errors';
import { assertDistinctTables, splitTableName, type MigrationSet } from './migration-set';

export interface MigrateOptions {
  databaseUrl: string;
  /** Applied in the order given; each set's files in their numeric order. */
  migrationSets: readonly MigrationSet[];
  /** Receives node-pg-migrate's progress lines; silent by default. */
  log?: (message: string) => void;
}

export interface AppliedMigration {
  /** File name without extension, as recorded in the set's table. */
  name: string;
  file: string;
  table: string;
}

/** Only `.sql` files are migrations; anything else in the directory (READMEs, dotfiles) is not. */
const ONLY_SQL_FILES = '(?:(?!.*\\.sql$).*|\\..*)';

/** node-pg-migrate announces each migration with this line just before running its SQL. */
const MIGRATION_STARTED = /^### MIGRATION (.+) \(UP\) ###$/;

/**
 * Applies every pending migration of each set, set after set, and returns what it applied.
 * Each set runs in one transaction, so a failing file leaves that set as it was. Concurrent
 * callers (several replicas starting at once) queue on node-pg-migrate's advisory lock and
 * read the bookkeeping table only once they hold it, so nothing is applied twice.
 */
export async function migrate({
  databaseUrl,
  migrationSets,
  log = () => {},
}: MigrateOptions): Promise<AppliedMigration[]> {
  assertDistinctTables(migrationSets);
  // Loaded on first use: node-pg-migrate (ES modules only) is not needed by code that never migrates.
  const { runner } = await import('node-pg-migrate');
  const applied: AppliedMigration[] = [];
  for (const set of migrationSets) {
    const dir = path.resolve(set.dir);
    await assertDirectory(dir, set);
    const { schema, table } = splitTableName(set.table);
    let current: string | undefined;
    const logger = {
      info: (message: string) => {
        current = MIGRATION_STARTED.exec(message)?.[1] ?? current;
        log(message);
      },
      warn: log,
      error: log,
    };
    const options: RunnerOption = {
      databaseUrl,
      dir,
      ignorePattern: ONLY_SQL_FILES,
      migrationsTable: table,
      migrationsSchema: schema,
      createMigrationsSchema: schema !== 'public',
      direction: 'up',
      singleTransaction: true,
      checkOrder: true,
      advisoryLockMode: 'wait',
      logger,
    };
    try {
      const ran = await runner(options);
      applied.push(...ran.map((m) => ({ name: m.name, file: m.path, table: set.table })));
    } catch (error) {
      throw failure(error, set, dir, current);
    }
  }
  return applied;
}

async function assertDirectory(dir: string, set: MigrationSet): Promise<void> {
  const isDirectory = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDirectory)
    throw new MigrationError(`Migration directory ${set.dir} does not exist (resolved to ${dir})`, {
      dir,
      table: set.table,
    });
}

function failure(
  error: unknown,
  set: MigrationSet,
  dir: string,
  current: string | undefined,
): MigrationError {
  const reason = describe(error);
  if (current === undefined)
    return new MigrationError(
      `Migrations in ${set.dir} (table ${set.table}) could not be run: ${reason}`,
      { dir, table: set.table },
      { cause: error },
    );
  const file = path.join(dir, `${current}.sql`);
  return new MigrationError(
    `Migration ${current}.sql in ${set.dir} failed, so none of this set's pending migrations were applied: ${reason}`,
    { dir, table: set.table, file },
    { cause: error },
  );
}

/** PostgreSQL errors carry the useful part in detail and hint as well as in the message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { detail, hint } = error as Error & { detail?: string; hint?: string };
  return [error.message, detail && `detail: ${detail}`, hint && `hint: ${hint}`].filter(Boolean).join('; ');
}
