import {
  catalogueEntry,
  envelopeFor,
  type EnvelopeOptions,
  type EventType,
  type EventTypeMap,
} from '@platform/contracts';
import type { OutgoingEvent } from './outbox';

/**
 * A new event of a catalogued type, ready for the outbox: topic, key and envelope (version and
 * source) all come from the catalogue, and correlation/causation from the event it reacts to.
 */
export function outgoingEvent<T extends EventType>(
  eventType: T,
  payload: Omit<EventTypeMap[T], 'envelope'>,
  envelope: EnvelopeOptions,
): OutgoingEvent {
  const entry = catalogueEntry(eventType);
  const key = (payload as unknown as Record<string, string>)[entry.key];
  if (!key) throw new Error(`${eventType} needs a ${entry.key} to be keyed by`);
  return { topic: entry.topic, key, event: { envelope: envelopeFor(eventType, envelope), ...payload } };
}
