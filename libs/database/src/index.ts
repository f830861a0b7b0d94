export { migrate } from './migrations/migrate';
export type { MigrateOptions, AppliedMigration } from './migrations/migrate';
export { DEFAULT_MIGRATIONS_TABLE } from './migrations/migration-set';
export type { MigrationSet } from './migrations/migration-set';
export { generatePrismaClient, SCHEMA_ENGINE_PLACEHOLDER } from './prisma/generate-prisma-client';
export type { GeneratePrismaClientOptions, GeneratedPrismaClient } from './prisma/generate-prisma-client';
export { findPrismaSchemas } from './prisma/find-prisma-schemas';
export { createPrismaClient } from './prisma/create-prisma-client';
export type { PrismaClientConstructor } from './prisma/create-prisma-client';
export { findSchemaDifferences, assertSchemaMatchesDatabase } from './schema-check/check-schema';
export type { SchemaCheckOptions } from './schema-check/check-schema';
export type { SchemaDifference, SchemaDifferenceKind } from './schema-check/schema-difference';
export {
  MigrationError,
  PrismaSchemaError,
  PrismaGenerateError,
  SchemaMismatchError,
  UsageError,
} from './errors';
