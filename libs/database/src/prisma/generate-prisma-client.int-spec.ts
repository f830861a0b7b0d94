import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { uniqueName } from '@platform/testing';
import { PrismaGenerateError, PrismaSchemaError } from '../errors';
import { migrate } from '../migrations/migrate';
import { fixture } from '../testing/fixtures';
import { createThrowawayDatabase, query, type ThrowawayDatabase } from '@platform/testing';
import { createPrismaClient, type PrismaClientConstructor } from './create-prisma-client';
import { generatePrismaClient } from './generate-prisma-client';

const run = promisify(execFile);
const LIBRARY = path.resolve(__dirname, '..', '..');
const WORKSPACE = path.resolve(LIBRARY, '..', '..');

/**
 * The client is generated into a git-ignored directory inside this package, like an app's
 * src/generated/prisma: it needs the workspace's node_modules and a CommonJS package around it.
 */
describe('generatePrismaClient', () => {
  const project = path.join(LIBRARY, 'test-output', uniqueName('prisma'));
  const schema = path.join(project, 'prisma', 'schema.prisma');
  const output = path.join(project, 'src', 'generated', 'prisma');
  let db: ThrowawayDatabase;

  beforeAll(async () => {
    await mkdir(path.dirname(schema), { recursive: true });
    await cp(fixture('shop', 'prisma', 'schema.prisma'), schema);
    db = await createThrowawayDatabase('prisma-generate');
    await migrate({
      databaseUrl: db.url,
      migrationSets: [{ dir: fixture('shop', 'migrations'), table: 'shop_migrations' }],
    });
  });
  afterAll(async () => {
    await db?.drop();
    await rm(project, { recursive: true, force: true });
  });

  it('generates the client offline into the output the schema names', async () => {
    const generated = await generatePrismaClient(schema);

    expect(generated.outputs).toEqual([output]);
    expect(existsSync(path.join(output, 'client.ts'))).toBe(true);
    // CommonJS output: no import.meta, extensionless relative imports.
    const client = await readFile(path.join(output, 'client.ts'), 'utf8');
    expect(client).not.toContain('import.meta');
    expect(client).toContain('from "./internal/class"');
  });

  it('gives a client that inserts and reads rows through the pg adapter under jest', async () => {
    const { PrismaClient } = (await import(path.join(output, 'client'))) as { PrismaClient: ShopClientClass };
    const prisma = createPrismaClient(PrismaClient, db.url);
    try {
      const customer = await prisma.customer.create({
        data: { id: '5a4c3b2a-0000-4000-8000-000000000001', email: 'ada@example.com' },
      });
      await prisma.order.create({
        data: {
          id: '5a4c3b2a-0000-4000-8000-000000000002',
          customerId: customer.id,
          totalMinor: 12_345n,
          itemCount: 2,
          details: { giftWrap: true },
          tags: ['first'],
          placedAt: new Date('2026-11-23T12:00:00.000Z'),
        },
      });
      const orders = await prisma.order.findMany({ include: { customer: true } });
      expect(orders).toEqual([
        expect.objectContaining({
          totalMinor: 12_345n,
          status: 'PENDING',
          details: { giftWrap: true },
          tags: ['first'],
          customer: expect.objectContaining({ email: 'ada@example.com', displayName: null }),
        }),
      ]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('gives a client that compiles with the workspace tsc settings and runs under plain node', async () => {
    await writeFile(
      path.join(project, 'src', 'main.ts'),
      `import { createPrismaClient } from '../../../src/prisma/create-prisma-client';
import { OrderStatus, PrismaClient } from './generated/prisma/client';

async function main(): Promise<void> {
  const prisma = createPrismaClient(PrismaClient, process.argv[2] ?? '');
  const confirmed = await prisma.order.count({ where: { status: OrderStatus.CONFIRMED } });
  const customer = await prisma.customer.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
  console.log(JSON.stringify({ confirmed, createdAt: customer.createdAt instanceof Date }));
  await prisma.$disconnect();
}
void main();
`,
    );
    // The workspace settings (module node20, CommonJS, strict, declarations), rooted at this
    // package so the relative import of the library source compiles alongside.
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(WORKSPACE, 'tsconfig.base.json'),
        compilerOptions: { rootDir: LIBRARY, outDir: 'dist', composite: false, declarationMap: false },
        include: ['src/**/*.ts'],
      }),
    );
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], {
      cwd: project,
    }).catch((error: { stdout: string }) => Promise.reject(new Error(`tsc failed:\n${error.stdout}`)));

    const main = path.join(project, 'dist', path.relative(LIBRARY, project), 'src', 'main.js');
    const { stdout } = await run(process.execPath, [main, db.url]);
    expect(JSON.parse(stdout)).toEqual({ confirmed: 0, createdAt: true });
  });

  it('refuses a generator whose output would not compile in a CommonJS package', async () => {
    const esm = path.join(project, 'prisma', 'esm.prisma');
    const text = await readFile(schema, 'utf8');
    await writeFile(esm, text.replace(/\n\s*moduleFormat.*\n\s*importFileExtension.*\n/, '\n'));

    const error = await generatePrismaClient(esm).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismaSchemaError);
    expect((error as Error).message).toContain('add moduleFormat = "cjs" and importFileExtension = ""');
  });

  it('reports what the Prisma CLI printed when generation fails', async () => {
    const unknown = path.join(project, 'prisma', 'unknown-generator.prisma');
    await writeFile(
      unknown,
      'generator client {\n  provider = "no-such-prisma-generator"\n  output = "../src/x"\n}\n' +
        'datasource db {\n  provider = "postgresql"\n}\nmodel A {\n  id Int @id\n}\n',
    );

    const error = await generatePrismaClient(unknown).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismaGenerateError);
    expect((error as PrismaGenerateError).code).toBe('PRISMA_GENERATE_FAILED');
    expect((error as Error).message).toContain('no-such-prisma-generator');
  });

  it('leaves the database to the migrations (nothing was created by Prisma)', async () => {
    const tables = await query<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'customers',
      'order_lines',
      'orders',
      'shop_migrations',
    ]);
  });
});

/** The slice of the generated client this test uses; the real types are checked by the tsc test. */
interface ShopClient {
  customer: { create(args: unknown): Promise<{ id: string }> };
  order: { create(args: unknown): Promise<unknown>; findMany(args: unknown): Promise<unknown[]> };
  $disconnect(): Promise<void>;
}
type ShopClientClass = PrismaClientConstructor<ShopClient>;
