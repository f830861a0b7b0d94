import type { AppName } from '@platform/config';
import { EVENT_SCHEMAS } from '../generated/event-schemas';
import { EVENT_TYPES, type EventType } from '../generated/event-types';
import type { AvroRecordSchema } from '../schemas/avro-schema';
import { EVENT_DEFINITIONS, EVENT_KEY_FIELD, EVENT_TOPIC_PARTITIONS } from './event-definitions';
import { type CompatibilityLevel, SCHEMA_COMPATIBILITY } from './schema-compatibility';
import { valueSubject } from './value-subject';

export interface CatalogueEntry<T extends EventType = EventType> {
  eventType: T;
  topic: string;
  /** Registry subject of the topic's values (the default TopicNameStrategy). */
  subject: string;
  key: typeof EVENT_KEY_FIELD;
  partitions: number;
  /** Schema version, carried in `envelope.version`. */
  version: number;
  producer: AppName;
  consumers: readonly AppName[];
  /** The registry's compatibility level for the subject. */
  compatibility: CompatibilityLevel;
  /** The Avro schema with the envelope and other shared types inlined. */
  schema: AvroRecordSchema;
}

function entry<T extends EventType>(eventType: T): CatalogueEntry<T> {
  const definition = EVENT_DEFINITIONS[eventType];
  return {
    eventType,
    topic: definition.topic,
    subject: valueSubject(definition.topic),
    key: EVENT_KEY_FIELD,
    partitions: EVENT_TOPIC_PARTITIONS,
    version: definition.version,
    producer: definition.producer,
    consumers: definition.consumers,
    compatibility: definition.compatibility ?? SCHEMA_COMPATIBILITY,
    schema: EVENT_SCHEMAS[eventType],
  };
}

export const EVENT_CATALOGUE: { readonly [T in EventType]: CatalogueEntry<T> } = {
  OrderPlaced: entry('OrderPlaced'),
  StockReserved: entry('StockReserved'),
  StockRejected: entry('StockRejected'),
  StockReleased: entry('StockReleased'),
  PaymentAuthorized: entry('PaymentAuthorized'),
  PaymentDeclined: entry('PaymentDeclined'),
  OrderConfirmed: entry('OrderConfirmed'),
  OrderCancelled: entry('OrderCancelled'),
  ReleaseStock: entry('ReleaseStock'),
  RefundPayment: entry('RefundPayment'),
  PaymentRefunded: entry('PaymentRefunded'),
  NotificationSent: entry('NotificationSent'),
};

/** Every entry in the order of the saga. */
export const CATALOGUE_ENTRIES: readonly CatalogueEntry[] = EVENT_TYPES.map((type) => EVENT_CATALOGUE[type]);

export class UnknownEventTypeError extends Error {
  readonly code = 'UNKNOWN_EVENT_TYPE';

  constructor(readonly eventType: string) {
    super(`Unknown event type \`${eventType}\`; known: ${EVENT_TYPES.join(', ')}`);
    this.name = 'UnknownEventTypeError';
  }
}

export function isEventType(name: string): name is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, name);
}

/** Throws for a name that is not an event type, e.g. one read from a message header. */
export function catalogueEntry<T extends EventType>(eventType: T): CatalogueEntry<T> {
  if (!isEventType(eventType)) throw new UnknownEventTypeError(eventType);
  return EVENT_CATALOGUE[eventType];
}

/** The entry of the event type a topic carries; undefined for other topics such as dead letters. */
export function entryForTopic(topic: string): CatalogueEntry | undefined {
  return CATALOGUE_ENTRIES.find((e) => e.topic === topic);
}

/** The topics an app subscribes to, in the order of the saga. */
export function topicsConsumedBy(app: AppName): string[] {
  return CATALOGUE_ENTRIES.filter((e) => e.consumers.includes(app)).map((e) => e.topic);
}

/** The event types an app publishes. */
export function eventTypesProducedBy(app: AppName): EventType[] {
  return CATALOGUE_ENTRIES.filter((e) => e.producer === app).map((e) => e.eventType);
}
