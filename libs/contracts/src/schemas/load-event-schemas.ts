import type { AvroComplexSchema, AvroRecordSchema } from './avro-schema';
import { avroType } from './avro-type';
import { UnknownTypeNameError, inlineNamedTypes } from './inline-named-types';
import { readSchemaDirectory } from './read-schema-directory';
import { SchemaDefinitionError } from './schema-errors';

export const ENVELOPE_TYPE = 'platform.events.EventEnvelope';

export interface EventSchemaFile {
  file: string;
  /** The record's name, which is also the event type carried in `envelope.eventType`. */
  eventType: string;
  /** As written in the file: shared types are references by name. */
  source: AvroRecordSchema;
  /** With the shared types inlined: what the registry stores and the codecs use. */
  schema: AvroRecordSchema;
}

/**
 * Loads the event schemas of a directory: the records whose first field is the envelope. The other
 * files (the envelope, Money, ...) are building blocks that the events reference by name.
 */
export function loadEventSchemas(dir: string): EventSchemaFile[] {
  const files = readSchemaDirectory(dir);
  const library = new Map<string, AvroComplexSchema>(files.map((f) => [f.fullName, f.schema]));
  return files
    .filter(({ schema }) => isEvent(schema))
    .map(({ file, schema }) => {
      const source = schema as AvroRecordSchema;
      let inlined: AvroRecordSchema;
      try {
        inlined = inlineNamedTypes(source, library) as AvroRecordSchema;
        avroType(inlined);
      } catch (error) {
        if (error instanceof UnknownTypeNameError) throw new SchemaDefinitionError(file, error.message);
        throw new SchemaDefinitionError(file, `not a valid Avro schema (${(error as Error).message})`);
      }
      return { file, eventType: source.name.split('.').pop() ?? source.name, source, schema: inlined };
    });
}

function isEvent(schema: AvroComplexSchema): boolean {
  const first = schema.fields?.[0];
  return schema.type === 'record' && first?.name === 'envelope' && first.type === ENVELOPE_TYPE;
}
