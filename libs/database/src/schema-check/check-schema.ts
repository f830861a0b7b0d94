import { Client } from 'pg';
import { SchemaMismatchError } from '../errors';
import { getDatamodel } from '../prisma/prisma-schema-engine';
import { readPrismaSchemaFiles } from '../prisma/prisma-schema-files';
import { readActualSchema } from './actual-schema';
import { compareSchemas, type CompareOptions } from './compare-schemas';
import { expectedSchemaFrom } from './expected-schema';
import type { SchemaDifference } from './schema-difference';

export interface SchemaCheckOptions extends CompareOptions {
  /** A schema.prisma file or a directory of .prisma files. */
  prismaSchemaPath: string;
  databaseUrl: string;
  /** PostgreSQL schema of models without @@schema (as given to the Prisma adapter); default public. */
  defaultSchema?: string;
}

/**
 * Compares the Prisma schema with the migrated database: the migrations are the source of the
 * database and the Prisma schema only the source of the client, so nothing else keeps the two
 * in step. Only the PostgreSQL schemas the Prisma models live in are inspected.
 */
export async function findSchemaDifferences({
  prismaSchemaPath,
  databaseUrl,
  defaultSchema = 'public',
  ...compareOptions
}: SchemaCheckOptions): Promise<SchemaDifference[]> {
  const expected = expectedSchemaFrom(
    await getDatamodel(await readPrismaSchemaFiles(prismaSchemaPath)),
    defaultSchema,
  );
  const schemas = new Set(
    expected.tables.length > 0 ? expected.tables.map((t) => t.schema) : [defaultSchema],
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return compareSchemas(expected, await readActualSchema(client, [...schemas]), compareOptions);
  } finally {
    await client.end();
  }
}

/** Throws a SchemaMismatchError listing every difference, if there is any. */
export async function assertSchemaMatchesDatabase(options: SchemaCheckOptions): Promise<void> {
  const differences = await findSchemaDifferences(options);
  if (differences.length > 0) throw new SchemaMismatchError(differences);
}
