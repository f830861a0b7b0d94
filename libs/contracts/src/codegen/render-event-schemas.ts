import type { AvroRecordSchema } from '../schemas/avro-schema';
import { GENERATED_HEADER } from './generated-header';

/**
 * The self-contained schemas as a TypeScript module, so the built library carries its contracts and
 * a deployed service needs no schemas/ directory at run time.
 */
export function renderEventSchemas(events: readonly AvroRecordSchema[]): string {
  const entries = events.map((schema) => `  ${schema.name}: ${JSON.stringify(schema)},`);
  return [
    GENERATED_HEADER,
    `import type { AvroRecordSchema } from '../schemas/avro-schema';\nimport type { EventType } from './event-types';`,
    `/** Each event type's Avro schema with the shared types inlined: what the registry stores. */\nexport const EVENT_SCHEMAS: Readonly<Record<EventType, AvroRecordSchema>> = {\n${entries.join('\n')}\n};`,
  ].join('\n\n');
}
