import * as avro from 'avsc';
import type { AvroSchema } from './avro-schema';

type AvscSchema = Parameters<typeof avro.Type.forSchema>[0];

/**
 * The avsc type of a schema, without logical types: timestamp-millis stays a number of milliseconds,
 * as the generated interfaces declare it.
 */
export function avroType(schema: AvroSchema): avro.Type {
  return avro.Type.forSchema(schema as AvscSchema);
}
