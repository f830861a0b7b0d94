// The contract between the apps: the event types generated from schemas/*.avsc, the envelope, the
// topic catalogue, and applying them to the broker and the registry.
export { createEnvelope } from './envelope';
export type { EventEnvelope, NewEnvelope } from './envelope';
export * from './generated/event-types';
export { EVENT_SCHEMAS } from './generated/event-schemas';
export type { AvroRecordSchema, AvroSchema, AvroField } from './schemas/avro-schema';
export type { AppName } from '@platform/config';

export {
  EVENT_CATALOGUE,
  CATALOGUE_ENTRIES,
  catalogueEntry,
  entryForTopic,
  topicsConsumedBy,
  eventTypesProducedBy,
  isEventType,
  UnknownEventTypeError,
} from './catalogue/event-catalogue';
export type { CatalogueEntry } from './catalogue/event-catalogue';
export { EVENT_KEY_FIELD, EVENT_TOPIC_PARTITIONS } from './catalogue/event-definitions';
export { valueSubject } from './catalogue/value-subject';
export { deadLetterTopic, DEAD_LETTER_APPS, DEAD_LETTER_PARTITIONS } from './catalogue/dead-letter-topics';
export { accessRules, consumerGroupOf } from './catalogue/access-rules';
export type { AccessRule, AclOperation } from './catalogue/access-rules';
export { envelopeFor } from './catalogue/envelope-for';
export type { EnvelopeOptions } from './catalogue/envelope-for';
export { SCHEMA_COMPATIBILITY } from './catalogue/schema-compatibility';
export type { CompatibilityLevel } from './catalogue/schema-compatibility';

export { applyContracts } from './apply/apply-contracts';
export type { ApplyContractsOptions, ApplyReport, SubjectOutcome } from './apply/apply-contracts';
export type { TopicOutcome } from './apply/ensure-topics';
export { IncompatibleSchemaError } from './apply/apply-errors';
export { SchemaSetMismatchError } from './catalogue/catalogued-schemas';
export type { SubjectIncompatibility } from './apply/apply-errors';
export { RegistryRequestError } from './apply/registry-client';
export { SCHEMA_DIRECTORY } from './schemas/schema-directory';
export { SchemaDefinitionError } from './schemas/schema-errors';
export { newId } from './new-id';
