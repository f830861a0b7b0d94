import type { EventSchemaFile } from '../schemas/load-event-schemas';
import { type EventDefinition, EVENT_DEFINITIONS } from './event-definitions';

export interface CataloguedSchema extends EventSchemaFile {
  definition: EventDefinition;
}

/** The schema files and the catalogue disagree about which event types exist. */
export class SchemaSetMismatchError extends Error {
  readonly code = 'SCHEMA_SET_MISMATCH';

  constructor(problem: string) {
    super(problem);
    this.name = 'SchemaSetMismatchError';
  }
}

/**
 * Pairs each loaded event schema with its catalogue definition, in the catalogue's (the saga's)
 * order, and refuses a schema without a definition or a definition without a schema.
 */
export function withDefinitions(events: readonly EventSchemaFile[]): CataloguedSchema[] {
  const definitions: Readonly<Record<string, EventDefinition>> = EVENT_DEFINITIONS;
  for (const event of events)
    if (!definitions[event.eventType])
      throw new SchemaSetMismatchError(
        `${event.file} defines event ${event.eventType}, which libs/contracts/src/catalogue/event-definitions.ts does not list; add its topic, version, producer and consumers there`,
      );
  return Object.entries(definitions).map(([eventType, definition]) => {
    const event = events.find((e) => e.eventType === eventType);
    if (!event)
      throw new SchemaSetMismatchError(
        `The catalogue lists ${eventType}, but no schema file defines a record of that name whose first field is the envelope`,
      );
    return { ...event, definition };
  });
}
