import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaSchemaError, SchemaMismatchError } from '../errors';
import { migrate } from '../migrations/migrate';
import { fixture } from '../testing/fixtures';
import { createThrowawayDatabase, query, type ThrowawayDatabase } from '@platform/testing';
import { assertSchemaMatchesDatabase, findSchemaDifferences } from './check-schema';

describe('the schema check', () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase('schema-check');
    await migrate({
      databaseUrl: db.url,
      migrationSets: [
        { dir: fixture('outbox', 'migrations'), table: 'outbox_migrations' },
        { dir: fixture('shop', 'migrations'), table: 'shop_migrations' },
      ],
    });
  });
  afterAll(async () => {
    await db.drop();
    await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const check = (prismaSchemaPath: string, ignoreTables = ['outbox_messages']) =>
    findSchemaDifferences({ prismaSchemaPath, databaseUrl: db.url, ignoreTables });

  it('finds no difference between the migrations and the schema that describes them', async () => {
    expect(await check(fixture('shop', 'prisma', 'schema.prisma'))).toEqual([]);
    await expect(
      assertSchemaMatchesDatabase({
        prismaSchemaPath: fixture('shop', 'prisma', 'schema.prisma'),
        databaseUrl: db.url,
        ignoreTables: ['public.outbox_messages'],
      }),
    ).resolves.toBeUndefined();
  });

  it('reports every kind of difference, each once', async () => {
    const differences = await check(fixture('shop', 'mismatched.prisma'), []);

    expect(differences.map((d) => d.message).sort()).toEqual(
      [
        'enum order_status: values differ (REFUNDED only in Prisma)',
        'table public.customers: column email is NOT NULL in the database but optional in Prisma',
        'table public.customers: column display_name is nullable in the database but required in Prisma',
        'table public.customers: column phone (Prisma field Customer.phone) is missing from the database',
        'table public.orders: column item_count exists in the database but not in Prisma model Order (NOT NULL without a default: inserts through Prisma will fail)',
        'table public.orders: column total_minor has type bigint in the database but Prisma field Order.totalMinor (Int) expects integer',
        'table public.order_lines: column unit_price has type numeric(12,2) in the database but Prisma field OrderLine.unitPrice (Decimal @db.Decimal(10, 2)) expects numeric(10,2)',
        'table public.order_lines: primary key is (order_id, line_no) in the database but (line_no, order_id) in Prisma',
        'table public.shipments (Prisma model Shipment) is missing from the database',
        'table public.outbox_messages exists in the database but no Prisma model maps to it',
      ].sort(),
    );
    expect(new Set(differences.map((d) => d.kind))).toEqual(
      new Set([
        'enum-values',
        'nullability',
        'missing-column',
        'extra-column',
        'type',
        'primary-key',
        'missing-table',
        'extra-table',
      ]),
    );
  });

  it('leaves out columns and tables it is told Prisma is not meant to know', async () => {
    const differences = await findSchemaDifferences({
      prismaSchemaPath: fixture('shop', 'mismatched.prisma'),
      databaseUrl: db.url,
      ignoreTables: ['public.outbox_messages'],
      ignoreColumns: ['orders.item_count'],
    });
    expect(differences.map((d) => d.kind)).not.toContain('extra-column');
    expect(differences.map((d) => d.kind)).not.toContain('extra-table');
    expect(differences).toHaveLength(8);
  });

  it('throws a SchemaMismatchError listing the differences', async () => {
    const error = await assertSchemaMatchesDatabase({
      prismaSchemaPath: fixture('shop', 'mismatched.prisma'),
      databaseUrl: db.url,
      ignoreTables: ['outbox_messages'],
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SchemaMismatchError);
    expect((error as SchemaMismatchError).code).toBe('SCHEMA_MISMATCH');
    expect((error as SchemaMismatchError).differences).toHaveLength(9);
    expect((error as Error).message).toContain(
      '  - table public.shipments (Prisma model Shipment) is missing',
    );
  });

  it('catches a uuid column behind a plain String, which fails only at query time', async () => {
    const schema = await writeSchema(`
      datasource db {
        provider = "postgresql"
      }
      model Customer {
        id          String   @id
        email       String   @db.VarChar(200)
        displayName String?  @map("display_name")
        createdAt   DateTime @map("created_at")
        @@map("customers")
      }`);
    expect(
      (
        await findSchemaDifferences({
          prismaSchemaPath: schema,
          databaseUrl: db.url,
          ignoreTables: ['orders', 'order_lines', 'outbox_messages'],
        })
      ).map((d) => d.message),
    ).toEqual([
      'table public.customers: column id has type uuid in the database but Prisma field Customer.id (String) expects text or varchar',
    ]);
  });

  it('honours @@schema for models in another PostgreSQL schema, and multi-file schemas', async () => {
    await query(
      db.url,
      `CREATE SCHEMA billing; CREATE TABLE billing.invoices (id bigint PRIMARY KEY, note varchar(20))`,
    );
    const dir = await temporaryDir();
    await writeFile(
      path.join(dir, 'main.prisma'),
      `datasource db {\n  provider = "postgresql"\n  schemas = ["billing"]\n}\n`,
    );
    await writeFile(
      path.join(dir, 'invoice.prisma'),
      `model Invoice {\n  id BigInt @id\n  note String? @db.VarChar(30)\n  @@map("invoices")\n  @@schema("billing")\n}\n`,
    );
    expect(
      (await findSchemaDifferences({ prismaSchemaPath: dir, databaseUrl: db.url })).map((d) => d.message),
    ).toEqual([
      'table billing.invoices: column note has type varchar(20) in the database but Prisma field Invoice.note (String? @db.VarChar(30)) expects varchar(30)',
    ]);
  });

  it('reports an invalid Prisma schema with what Prisma says about it', async () => {
    const schema = await writeSchema('model Broken {\n  id Int\n}\n');
    const error = await check(schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismaSchemaError);
    expect((error as Error).message).toMatch(/Invalid Prisma schema .*schema\.prisma/);
    expect((error as Error).message).not.toContain('\u001b[');
  });
});

const temporaryDirs: string[] = [];
async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'prisma-schema-'));
  temporaryDirs.push(dir);
  return dir;
}

async function writeSchema(text: string): Promise<string> {
  const file = path.join(await temporaryDir(), 'schema.prisma');
  await writeFile(file, text);
  return file;
}
