import type { DmmfDatamodel, DmmfField } from '../prisma/prisma-schema-engine';

/** A column as the Prisma schema expects it. */
export interface ExpectedColumn {
  name: string;
  model: string;
  field: string;
  kind: 'scalar' | 'enum';
  /** Prisma type: String, Int, ... or the enum's name. */
  type: string;
  /** For enum fields, the database type name (the enum's @@map honoured). */
  enumName?: string;
  /** `@db.X(args)`, when given. */
  nativeType: [string, string[]] | null;
  isList: boolean;
  isRequired: boolean;
}

export interface ExpectedTable {
  schema: string;
  name: string;
  model: string;
  columns: ExpectedColumn[];
  primaryKey: string[];
}

export interface ExpectedEnum {
  /** The database type name (@@map honoured). */
  name: string;
  prismaName: string;
  values: string[];
}

export interface ExpectedSchema {
  tables: ExpectedTable[];
  enums: ExpectedEnum[];
}

/**
 * Translates Prisma's datamodel into database names: @@map and @map applied, relation fields
 * dropped (they are not columns; their foreign-key fields are), models without @@schema placed
 * in the default schema.
 */
export function expectedSchemaFrom(datamodel: DmmfDatamodel, defaultSchema: string): ExpectedSchema {
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tables = datamodel.models.map((model): ExpectedTable => {
    const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
    const idFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    return {
      schema: model.schema ?? defaultSchema,
      name: model.dbName ?? model.name,
      model: model.name,
      columns: model.fields.filter(isColumn).map((field) => ({
        name: field.dbName ?? field.name,
        model: model.name,
        field: field.name,
        kind: field.kind,
        type: field.type,
        ...(field.kind === 'enum' ? { enumName: enumNames.get(field.type) ?? field.type } : {}),
        nativeType: field.nativeType ?? null,
        isList: field.isList,
        isRequired: field.isRequired,
      })),
      primaryKey: idFields.map((f) => columnOf.get(f) ?? f),
    };
  });
  const enums = datamodel.enums.map((e) => ({
    name: e.dbName ?? e.name,
    prismaName: e.name,
    values: e.values.map((v) => v.dbName ?? v.name),
  }));
  return { tables, enums };
}

function isColumn(field: DmmfField): field is DmmfField & { kind: 'scalar' | 'enum' } {
  return field.kind === 'scalar' || field.kind === 'enum';
}
