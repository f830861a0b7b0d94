import { EVENT_CATALOGUE } from '../catalogue/event-catalogue';
import type { AvroComplexSchema, AvroRecordSchema } from '../schemas/avro-schema';

/**
 * The schemas of events as they were at version 1, for tests that play an app still built against
 * them (a consumer deployed before the change, a producer not yet upgraded). Each is the current
 * schema with exactly what version 2 added taken out again, so the two cannot drift apart silently:
 * a test that registers both proves version 1 is what the registry held before.
 */

/** OrderPlaced before `channel`. */
export function orderPlacedVersion1(
  schema: AvroRecordSchema = EVENT_CATALOGUE.OrderPlaced.schema,
): AvroRecordSchema {
  return { ...schema, fields: schema.fields.filter((field) => field.name !== 'channel') };
}

/** OrderCancelled before the reason TIMED_OUT. */
export function orderCancelledVersion1(
  schema: AvroRecordSchema = EVENT_CATALOGUE.OrderCancelled.schema,
): AvroRecordSchema {
  return {
    ...schema,
    fields: schema.fields.map((field) => {
      const type = field.type as AvroComplexSchema;
      return field.name === 'reason' && type.type === 'enum'
        ? { ...field, type: { ...type, symbols: type.symbols!.filter((s) => s !== 'TIMED_OUT') } }
        : field;
    }),
  };
}
