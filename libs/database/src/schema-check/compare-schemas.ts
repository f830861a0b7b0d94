import type { ActualColumn, ActualSchema, ActualTable } from './actual-schema';
import type { ExpectedColumn, ExpectedSchema, ExpectedTable } from './expected-schema';
import type { SchemaDifference } from './schema-difference';
import {
  describeActualType,
  describeExpectedType,
  describePrismaField,
  expectedTypeOf,
  typeMatches,
} from './type-mapping';

export interface CompareOptions {
  /** `schema.table` or `table`: tables Prisma is not meant to know (e.g. ones another library owns). */
  ignoreTables?: readonly string[];
  /** `schema.table.column` or `table.column`: columns Prisma is not meant to know (e.g. Unsupported fields). */
  ignoreColumns?: readonly string[];
}

/** Lists every way the database differs from what the Prisma schema expects. */
export function compareSchemas(
  expected: ExpectedSchema,
  actual: ActualSchema,
  { ignoreTables = [], ignoreColumns = [] }: CompareOptions = {},
): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  const known = new Set<string>();
  for (const table of expected.tables) {
    const key = `${table.schema}.${table.name}`;
    known.add(key);
    const found = actual.tables.get(key);
    if (!found)
      differences.push({
        kind: 'missing-table',
        table: key,
        message: `table ${key} (Prisma model ${table.model}) is missing from the database`,
      });
    else differences.push(...compareTable(table, found, ignoreColumns));
  }
  for (const [key, table] of actual.tables) {
    if (known.has(key) || matches(ignoreTables, table.schema, table.name) || isMigrationsTable(table))
      continue;
    differences.push({
      kind: 'extra-table',
      table: key,
      message: `table ${key} exists in the database but no Prisma model maps to it`,
    });
  }
  differences.push(...compareEnums(expected, actual));
  return differences;
}

function compareTable(
  expected: ExpectedTable,
  actual: ActualTable,
  ignoreColumns: readonly string[],
): SchemaDifference[] {
  const key = `${expected.schema}.${expected.name}`;
  const differences: SchemaDifference[] = [];
  const columns = new Map(actual.columns.map((c) => [c.name, c]));
  for (const column of expected.columns) {
    const found = columns.get(column.name);
    const where = `table ${key}: column ${column.name}`;
    if (!found)
      differences.push({
        kind: 'missing-column',
        table: key,
        column: column.name,
        message: `${where} (Prisma field ${column.model}.${column.field}) is missing from the database`,
      });
    else differences.push(...compareColumn(column, found, key, where));
  }
  const prismaColumns = new Set(expected.columns.map((c) => c.name));
  for (const column of actual.columns) {
    if (
      prismaColumns.has(column.name) ||
      matches(ignoreColumns, expected.schema, `${expected.name}.${column.name}`)
    )
      continue;
    const consequence =
      !column.nullable && !column.hasDefault
        ? ' (NOT NULL without a default: inserts through Prisma will fail)'
        : '';
    differences.push({
      kind: 'extra-column',
      table: key,
      column: column.name,
      message: `table ${key}: column ${column.name} exists in the database but not in Prisma model ${expected.model}${consequence}`,
    });
  }
  if (expected.primaryKey.join(',') !== actual.primaryKey.join(','))
    differences.push({
      kind: 'primary-key',
      table: key,
      message: `table ${key}: primary key is ${describeKey(actual.primaryKey)} in the database but ${describeKey(expected.primaryKey)} in Prisma`,
    });
  return differences;
}

function compareColumn(
  expected: ExpectedColumn,
  actual: ActualColumn,
  table: string,
  where: string,
): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  // Prisma lists (String[]) have no optional form, so a nullable array column is not a disagreement.
  if (!expected.isList && expected.isRequired === actual.nullable)
    differences.push({
      kind: 'nullability',
      table,
      column: expected.name,
      message: expected.isRequired
        ? `${where} is nullable in the database but required in Prisma`
        : `${where} is NOT NULL in the database but optional in Prisma`,
    });
  const type = expectedTypeOf(expected);
  if (type && !typeMatches(type, actual))
    differences.push({
      kind: 'type',
      table,
      column: expected.name,
      message: `${where} has type ${describeActualType(actual)} in the database but Prisma field ${expected.model}.${expected.field} (${describePrismaField(expected)}) expects ${describeExpectedType(type)}`,
    });
  return differences;
}

function compareEnums(expected: ExpectedSchema, actual: ActualSchema): SchemaDifference[] {
  return expected.enums.flatMap((e): SchemaDifference[] => {
    const labels = actual.enums.get(e.name);
    if (!labels)
      return [
        {
          kind: 'missing-enum',
          table: e.name,
          message: `enum ${e.name} (Prisma enum ${e.prismaName}) is missing from the database`,
        },
      ];
    const onlyInPrisma = e.values.filter((v) => !labels.includes(v));
    const onlyInDatabase = labels.filter((v) => !e.values.includes(v));
    if (onlyInPrisma.length === 0 && onlyInDatabase.length === 0) return [];
    const parts = [
      onlyInPrisma.length > 0 && `${onlyInPrisma.join(', ')} only in Prisma`,
      onlyInDatabase.length > 0 && `${onlyInDatabase.join(', ')} only in the database`,
    ].filter(Boolean);
    return [
      { kind: 'enum-values', table: e.name, message: `enum ${e.name}: values differ (${parts.join('; ')})` },
    ];
  });
}

/** node-pg-migrate's bookkeeping tables (see migrate) have exactly these columns and are never Prisma models. */
function isMigrationsTable(table: ActualTable): boolean {
  return table.columns.map((c) => c.name).join(',') === 'id,name,run_on';
}

function matches(patterns: readonly string[], schema: string, name: string): boolean {
  return patterns.includes(name) || patterns.includes(`${schema}.${name}`);
}

function describeKey(columns: string[]): string {
  return columns.length === 0 ? 'absent' : `(${columns.join(', ')})`;
}
