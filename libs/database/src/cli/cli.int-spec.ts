import { execFile } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { uniqueName } from '@platform/testing';
import { fixture } from '../testing/fixtures';
import { createThrowawayDatabase, query, type ThrowawayDatabase } from '@platform/testing';

const LIBRARY = path.resolve(__dirname, '..', '..');

/** Runs a bin/ script the way people and the postinstall do, and reports how it ended. */
async function bin(
  name: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(LIBRARY, 'bin', name), args, {
      env: { ...process.env, ...options.env },
      cwd: options.cwd ?? LIBRARY,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('bin/migrate', () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase('migrate-cli');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('applies the sets named on the command line, taking the database from DATABASE_URL', async () => {
    const result = await bin(
      'migrate',
      [
        '--dir',
        `${fixture('outbox', 'migrations')}:outbox_migrations`,
        '--dir',
        `${fixture('shop', 'migrations')}:shop_migrations`,
      ],
      { env: { DATABASE_URL: db.url } },
    );

    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('Applied 3 migrations.');
    const rows = await query<{ name: string }>(db.url, 'SELECT name FROM shop_migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(['001_create_customers', '002_create_orders']);
  });

  it('exits 1 naming the failing file', async () => {
    const result = await bin('migrate', [
      '--database-url',
      db.url,
      '--dir',
      `${fixture('broken', 'migrations')}:broken`,
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('migrate: Migration 002_add_widget_name.sql');
    expect(result.stderr).toContain('relation "widgetz" does not exist');
  });

  it('exits 2 with the usage on a bad command line', async () => {
    const result = await bin('migrate', ['--dir', 'x'], { env: { DATABASE_URL: '' } });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No database: pass --database-url or set DATABASE_URL');
    expect(result.stderr).toContain('Usage: migrate');
  });
});

describe('bin/prisma-generate', () => {
  const workspace = path.join(LIBRARY, 'test-output', uniqueName('workspace'));
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('says there is nothing to do in a workspace without schemas, and succeeds', async () => {
    await mkdir(workspace, { recursive: true });
    const result = await bin('prisma-generate', [], { cwd: workspace });
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('nothing to generate');
  });

  it("generates every app's client when given no schema", async () => {
    await cp(fixture('shop', 'prisma'), path.join(workspace, 'apps', 'shop', 'prisma'), { recursive: true });
    const result = await bin('prisma-generate', [], { cwd: workspace });

    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(
      `${path.join('apps', 'shop', 'prisma', 'schema.prisma')} -> ${path.join('apps', 'shop', 'src', 'generated', 'prisma')}`,
    );
  });

  it('exits 1 with the reason when a schema is invalid', async () => {
    const result = await bin('prisma-generate', [fixture('shop', 'migrations', 'README.md')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid Prisma schema');
  });
});
