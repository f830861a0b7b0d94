#!/usr/bin/env node
/**
 * Applies SQL migrations from the command line, e.g. before an app starts in a container:
 *   node libs/database/dist/cli/migrate.js --dir apps/order/migrations:order_migrations
 *   npx tsx --conditions=@platform/source libs/database/src/cli/migrate.ts --dir ...
 */
import { UsageError } from '../errors';
import { migrate } from '../migrations/migrate';
import { MIGRATE_USAGE, parseMigrateArgs } from './parse-migrate-args';

async function main(): Promise<number> {
  try {
    const args = parseMigrateArgs(process.argv.slice(2));
    if (args.help) {
      console.log(MIGRATE_USAGE);
      return 0;
    }
    const applied = await migrate({ ...args, log: (message) => console.log(message) });
    console.log(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.`);
    return 0;
  } catch (error) {
    console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) {
      console.error(`\n${MIGRATE_USAGE}`);
      return 2;
    }
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
