import type { ClientBase } from 'pg';

export interface ActualColumn {
  name: string;
  nullable: boolean;
  /** information_schema's data_type: 'integer', 'ARRAY', 'USER-DEFINED', ... */
  dataType: string;
  /** PostgreSQL's own type name: int4, varchar, _text, order_status, ... */
  udtName: string;
  charLength: number | null;
  numericPrecision: number | null;
  numericScale: number | null;
  datetimePrecision: number | null;
  /** A default, an identity or a generated expression: inserts may omit the column. */
  hasDefault: boolean;
}

export interface ActualTable {
  schema: string;
  name: string;
  columns: ActualColumn[];
  primaryKey: string[];
}

export interface ActualSchema {
  /** Keyed by `schema.table`. */
  tables: Map<string, ActualTable>;
  /** Enum labels in declaration order, keyed by type name (without schema). */
  enums: Map<string, string[]>;
}

/** Reads the tables, columns, primary keys and enums of the given PostgreSQL schemas. */
export async function readActualSchema(
  client: ClientBase,
  schemas: readonly string[],
): Promise<ActualSchema> {
  const schemaList = [...schemas];
  // One after another: a pg client runs one query at a time.
  const tables = await client.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1)`,
    [schemaList],
  );
  const columns = await client.query<ColumnRow>(
    `SELECT table_schema, table_name, column_name, is_nullable, data_type, udt_name, column_default,
              is_identity, is_generated, character_maximum_length::int, numeric_precision::int,
              numeric_scale::int, datetime_precision::int
       FROM information_schema.columns WHERE table_schema = ANY($1)
       ORDER BY table_schema, table_name, ordinal_position`,
    [schemaList],
  );
  const keys = await client.query<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT tc.table_schema, tc.table_name, kcu.column_name
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu
         ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
        AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name
       WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = ANY($1)
       ORDER BY tc.table_schema, tc.table_name, kcu.ordinal_position`,
    [schemaList],
  );
  // All schemas: an enum may live elsewhere than the tables that use it.
  const enums = await client.query<{ name: string; label: string }>(
    `SELECT t.typname AS name, e.enumlabel AS label
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       ORDER BY t.typname, e.enumsortorder`,
  );

  const result: ActualSchema = { tables: new Map(), enums: new Map() };
  for (const row of tables.rows)
    result.tables.set(`${row.table_schema}.${row.table_name}`, {
      schema: row.table_schema,
      name: row.table_name,
      columns: [],
      primaryKey: [],
    });
  for (const row of columns.rows)
    result.tables.get(`${row.table_schema}.${row.table_name}`)?.columns.push(toColumn(row));
  for (const row of keys.rows)
    result.tables.get(`${row.table_schema}.${row.table_name}`)?.primaryKey.push(row.column_name);
  for (const row of enums.rows)
    result.enums.set(row.name, [...(result.enums.get(row.name) ?? []), row.label]);
  return result;
}

interface ColumnRow {
  table_schema: string;
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
  udt_name: string;
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  is_generated: 'ALWAYS' | 'NEVER';
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

function toColumn(row: ColumnRow): ActualColumn {
  return {
    name: row.column_name,
    nullable: row.is_nullable === 'YES',
    dataType: row.data_type,
    udtName: row.udt_name,
    charLength: row.character_maximum_length,
    numericPrecision: row.numeric_precision,
    numericScale: row.numeric_scale,
    datetimePrecision: row.datetime_precision,
    hasDefault: row.column_default !== null || row.is_identity === 'YES' || row.is_generated === 'ALWAYS',
  };
}
