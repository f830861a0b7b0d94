import { type EventEnvelope, type NewEnvelope, createEnvelope } from '../envelope';
import type { EventType } from '../generated/event-types';
import { catalogueEntry } from './event-catalogue';

export type EnvelopeOptions = Omit<NewEnvelope, 'eventType' | 'version' | 'source'>;

/**
 * The envelope for a new event of a type, with the schema version and the producing app taken from
 * the catalogue, so they cannot drift from what the registry holds.
 */
export function envelopeFor(eventType: EventType, options: EnvelopeOptions = {}): EventEnvelope {
  const { version, producer } = catalogueEntry(eventType);
  return createEnvelope({ ...options, eventType, version, source: producer });
}
