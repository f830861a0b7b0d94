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
export { writeOutbox, OUTBOX_CHANNEL } from './outbox/outbox';
export type { OutgoingEvent, OutboxWakeup } from './outbox/outbox';
export { OutboxRelay } from './outbox/outbox-relay';
export type { OutboxRelayOptions } from './outbox/outbox-relay';
export { inTransaction, PgTransaction } from './database/transaction';
export type { Statement, Transaction } from './database/transaction';
export { EventPipeline } from './consumer/event-pipeline';
export type {
  EventHandler,
  EventRoute,
  EventOutcome,
  PipelineObserver,
  EventPipelineOptions,
  BatchControl,
} from './consumer/event-pipeline';
export { KafkaEventConsumer, DEFAULT_LANES } from './consumer/kafka-event-consumer';
export type {
  KafkaEventConsumerOptions,
  ConsumerObserver,
  ConsumerHealth,
} from './consumer/kafka-event-consumer';
export { toIncomingMessage, nextOffset } from './consumer/kafka-records';
export { startEventConsumer } from './consumer/start-event-consumer';
export type { StartEventConsumerOptions } from './consumer/start-event-consumer';
export { claimEvents } from './consumer/inbox';
export { failureKind } from './consumer/failure-kind';
export type { FailureKind } from './consumer/failure-kind';
export { retryUntilSettled, DEFAULT_RETRY_POLICY, RetryAbandonedError } from './consumer/retry-policy';
export type { RetryPolicy } from './consumer/retry-policy';
export type { IncomingMessage } from './consumer/incoming-message';
export { DeadLetterPublisher } from './dead-letter/dead-letter-publisher';
export { DEAD_LETTER_HEADER, REDRIVE_HEADER } from './dead-letter/dead-letter-headers';
export { redriveDeadLetters } from './dead-letter/redrive';
export type { RedriveOptions, RedriveResult } from './dead-letter/redrive';
export { outgoingEvent } from './outbox/outgoing-event';
export { MESSAGING_MIGRATIONS_DIR, MESSAGING_MIGRATIONS_TABLE } from './migrations-dir';
export { onShutdownSignals } from './shutdown';
export type { ShutdownStep, ShutdownOptions, ShutdownHandle } from './shutdown';
export { listDeadLetters } from './dead-letter/list-dead-letters';
export type { DeadLetter, ListDeadLettersOptions } from './dead-letter/list-dead-letters';
export { TopicNotFoundError, assertTopicExists } from './kafka/topic-not-found';
export { UnreachableError, assertBrokerReachable, assertRegistryReachable } from './kafka/reachability';
export { processOnce } from './consumer/process-once';
export type { ProcessOutcome } from './consumer/process-once';
export { GroupCommit } from './database/group-commit';
export type { GroupCommitOptions } from './database/group-commit';
