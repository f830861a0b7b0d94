/**
 * The JSON shape of Avro schemas as written in schemas/*.avsc: only what the loader, the code
 * generator and the catalogue read. A string is a primitive type or a reference to a named type.
 */
export type AvroSchema = string | AvroSchema[] | AvroComplexSchema;

export interface AvroComplexSchema {
  type: AvroSchema;
  name?: string;
  namespace?: string;
  doc?: string;
  aliases?: string[];
  fields?: AvroField[];
  symbols?: string[];
  default?: unknown;
  items?: AvroSchema;
  values?: AvroSchema;
  logicalType?: string;
  size?: number;
}

export interface AvroField {
  name: string;
  type: AvroSchema;
  doc?: string;
  default?: unknown;
  aliases?: string[];
}

export interface AvroRecordSchema extends AvroComplexSchema {
  type: 'record';
  name: string;
  fields: AvroField[];
}

export interface AvroEnumSchema extends AvroComplexSchema {
  type: 'enum';
  name: string;
  symbols: string[];
}

export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);

export function isNamedDefinition(schema: AvroSchema): schema is AvroComplexSchema & { name: string } {
  return (
    typeof schema === 'object' &&
    !Array.isArray(schema) &&
    (schema.type === 'record' || schema.type === 'enum' || schema.type === 'fixed' || schema.type === 'error')
  );
}

/** Avro's rule: a name with a dot is already full, otherwise it lives in the enclosing namespace. */
export function fullName(name: string, namespace: string | undefined): string {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

export function namespaceOf(fullTypeName: string): string | undefined {
  const dot = fullTypeName.lastIndexOf('.');
  return dot < 0 ? undefined : fullTypeName.slice(0, dot);
}
