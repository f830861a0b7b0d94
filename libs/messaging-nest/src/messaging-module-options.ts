import type { AppName, EventType } from '@platform/contracts';
import type { KafkaSettings, Logger, RetryPolicy } from '@platform/messaging';

export interface MessagingModuleOptions {
  app: AppName;
  /** Event types this app handles; their schemas become the codec's reader schemas. */
  consumes: EventType[];
  /** Event types this app writes to its outbox; their schema ids are resolved at startup. */
  produces: EventType[];
  kafka: KafkaSettings;
  /** For the relay's own LISTEN connection, which also holds its leader lock. */
  databaseUrl: string;
  logger: Logger;
  /** The app's own refusals (its DomainError): such an event is dead-lettered at once, never retried. */
  permanentErrors?: (abstract new (...args: never[]) => Error)[];
  retry?: RetryPolicy;
  /** Transactions applied side by side (see KafkaEventConsumerOptions.lanes); default 1. */
  lanes?: number;
  /** For handlers with effects outside the database (see EventPipelineOptions.savepointPerEvent). */
  savepointPerEvent?: boolean;
  relay?: { batchSize?: number; pollIntervalMs?: number; retentionMs?: number };
}
