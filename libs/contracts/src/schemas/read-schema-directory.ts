import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type AvroComplexSchema, type AvroSchema, isNamedDefinition } from './avro-schema';
import { SchemaDefinitionError } from './schema-errors';

export interface SchemaFile {
  /** Path relative to the schema directory, for messages. */
  file: string;
  /** Full name of the type the file defines, e.g. platform.events.Money. */
  fullName: string;
  schema: AvroComplexSchema & { name: string };
}

/** Every .avsc file of a directory, in file-name order so that everything derived is deterministic. */
export function readSchemaDirectory(dir: string): SchemaFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.avsc'))
    .sort()
    .map((file) => {
      let schema: AvroSchema;
      try {
        schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as AvroSchema;
      } catch (error) {
        throw new SchemaDefinitionError(file, `not valid JSON (${(error as Error).message})`);
      }
      if (!isNamedDefinition(schema))
        throw new SchemaDefinitionError(file, 'must define one named type (a record, enum or fixed)');
      // Inlined into other namespaces later, so the file must not rely on an enclosing namespace.
      if (!schema.namespace && !schema.name.includes('.'))
        throw new SchemaDefinitionError(file, `type \`${schema.name}\` needs a namespace`);
      const fullName = schema.name.includes('.') ? schema.name : `${schema.namespace}.${schema.name}`;
      return { file, fullName, schema };
    });
}
