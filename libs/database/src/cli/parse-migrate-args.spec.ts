import { UsageError } from '../errors';
import { parseMigrateArgs } from './parse-migrate-args';

describe('parseMigrateArgs', () => {
  it('reads each --dir with its table, defaulting the table and the database URL', () => {
    expect(
      parseMigrateArgs(
        ['--dir', 'libs/messaging/migrations:outbox_migrations', '--dir=apps/order/migrations'],
        {
          DATABASE_URL: 'postgresql://db/order',
        },
      ),
    ).toEqual({
      databaseUrl: 'postgresql://db/order',
      migrationSets: [
        { dir: 'libs/messaging/migrations', table: 'outbox_migrations' },
        { dir: 'apps/order/migrations', table: 'pgmigrations' },
      ],
      help: false,
    });
  });

  it('prefers --database-url to DATABASE_URL and accepts schema-qualified tables', () => {
    expect(
      parseMigrateArgs(['--database-url', 'postgresql://x/y', '--dir', 'm:ops.order_migrations'], {
        DATABASE_URL: 'postgresql://ignored',
      }),
    ).toMatchObject({
      databaseUrl: 'postgresql://x/y',
      migrationSets: [{ dir: 'm', table: 'ops.order_migrations' }],
    });
  });

  it.each([
    [['--dir', 'm'], {}, 'No database'],
    [['--database-url', 'u'], {}, 'No migration directory'],
    [['--database-url', 'u', '--dir', 'm:'], {}, 'Invalid --dir "m:"'],
    [['--database-url', 'u', '--dir', 'm', '--bogus'], {}, "Unknown option '--bogus'"],
    [['--database-url', 'u', 'stray'], {}, 'positional'],
  ])('rejects %j with a usage error', (argv, env, message) => {
    expect(() => parseMigrateArgs(argv, env)).toThrow(UsageError);
    expect(() => parseMigrateArgs(argv, env)).toThrow(message);
  });
});
