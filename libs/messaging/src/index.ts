export { AvroCodec } from './codec/avro-codec';
export type { SubjectSchema } from './codec/avro-codec';
export { HEADER, envelopeHeaders, headerText, traceparent } from './codec/envelope-headers';
export {
  MessagingError,
  UndecodableMessageError,
  UnknownSchemaError,
  InvalidEventError,
  UnprocessableEventError,
  RetriesExhaustedError,
  isPermanent,
  describeError,
} from './errors';
export { createLogger } from './logger';
export type { Logger } from './logger';
export {
  kafkaSettingsSchema,
  kafkaSettingsFromEnv,
  createKafka,
  kafkaClientConfig,
  createSchemaRegistry,
  createIdempotentProducer,
} from './kafka/kafka-settings';
export type { KafkaSettings } from './kafka/kafka-settings';
export { enqueueEvents, OUTBOX_CHANNEL } from './outbox/outbox';
export type { SqlTransaction, OutgoingEvent } from './outbox/outbox';
export { OutboxRelay } from './outbox/outbox-relay';
export type { OutboxRelayOptions } from './outbox/outbox-relay';
export { processOnce } from './inbox/process-once';
export type { TransactionalDatabase, ProcessOutcome } from './inbox/process-once';
export { withRetries, DEFAULT_RETRY_POLICY } from './inbox/retry-policy';
export type { RetryPolicy } from './inbox/retry-policy';
export { EventInbox } from './inbox/event-inbox';
export type { EventHandler, InboxOutcome, InboxObserver, EventInboxOptions } from './inbox/event-inbox';
export type { IncomingMessage } from './inbox/incoming-message';
export { startConsumer, toIncomingMessage, nextOffset } from './inbox/kafka-consumer-runner';
export type { EventRoute, ConsumerRunnerOptions } from './inbox/kafka-consumer-runner';
export { DeadLetterPublisher } from './dead-letter/dead-letter-publisher';
export { DEAD_LETTER_HEADER, REDRIVE_HEADER } from './dead-letter/dead-letter-headers';
export { redriveDeadLetters } from './dead-letter/redrive';
export type { RedriveOptions, RedriveResult } from './dead-letter/redrive';
export { pgDatabase } from './inbox/pg-database';
export type { PgTransaction } from './inbox/pg-database';
export { outgoingEvent } from './outbox/outgoing-event';
export { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from './migrations-dir';
export { onShutdownSignals } from './shutdown';
export type { ShutdownStep, ShutdownOptions, ShutdownHandle } from './shutdown';
export { consumerDrain } from './inbox/consumer-drain';
export type { ConsumerDrain } from './inbox/consumer-drain';
export { listDeadLetters } from './dead-letter/list-dead-letters';
export type { DeadLetter, ListDeadLettersOptions } from './dead-letter/list-dead-letters';
export { TopicNotFoundError, assertTopicExists } from './kafka/topic-not-found';
export { UnreachableError, assertBrokerReachable, assertRegistryReachable } from './kafka/reachability';
