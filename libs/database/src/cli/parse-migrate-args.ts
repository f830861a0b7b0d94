import { parseArgs } from 'node:util';
import { UsageError } from '../errors';
import { DEFAULT_MIGRATIONS_TABLE, type MigrationSet } from '../migrations/migration-set';

export const MIGRATE_USAGE = `Usage: migrate --dir <dir>[:<table>] [--dir <dir>[:<table>] ...] [--database-url <url>]

Applies the pending SQL migrations of each directory, in the order given.
  --dir           directory of <number>_<name>.sql files; <table> (or <schema>.<table>) records which
                  of them ran, default ${DEFAULT_MIGRATIONS_TABLE}. Give each directory its own table.
  --database-url  PostgreSQL connection string; default: the DATABASE_URL environment variable.`;

export interface MigrateArgs {
  databaseUrl: string;
  migrationSets: MigrationSet[];
  help: boolean;
}

/** node's own parser: the two options need nothing more, and the CLI stays dependency-free. */
export function parseMigrateArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): MigrateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        dir: { type: 'string', multiple: true },
        'database-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { databaseUrl: '', migrationSets: [], help: true };
  const databaseUrl = values['database-url'] ?? env['DATABASE_URL'];
  if (!databaseUrl) throw new UsageError('No database: pass --database-url or set DATABASE_URL');
  const dirs = values.dir ?? [];
  if (dirs.length === 0) throw new UsageError('No migration directory: pass at least one --dir');
  return { databaseUrl, migrationSets: dirs.map(parseDirArg), help: false };
}

/** `dir:table`; split at the last colon so a table name never swallows part of a path. */
function parseDirArg(arg: string): MigrationSet {
  const colon = arg.lastIndexOf(':');
  const dir = colon === -1 ? arg : arg.slice(0, colon);
  const table = colon === -1 ? DEFAULT_MIGRATIONS_TABLE : arg.slice(colon + 1);
  if (!dir || !table) throw new UsageError(`Invalid --dir "${arg}": expected <dir> or <dir>:<table>`);
  return { dir, table };
}
