import type { EventEnvelope } from '@platform/contracts';
import type { AvroCodec } from '../codec/avro-codec';
import type { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { InvalidEventError, describeError, isPermanent } from '../errors';
import type { Logger } from '../logger';
import type { SqlTransaction } from '../outbox/outbox';
import type { IncomingMessage } from './incoming-message';
import { processOnce, type TransactionalDatabase } from './process-once';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry-policy';

export type EventHandler<E, Tx> = (event: E, tx: Tx) => Promise<void>;
export type InboxOutcome = 'processed' | 'duplicate' | 'dead-lettered';

export interface InboxObserver {
  onOutcome?(outcome: InboxOutcome, topic: string, eventType: string, durationMs: number): void;
}

export interface EventInboxOptions<Tx extends SqlTransaction> {
  db: TransactionalDatabase<Tx>;
  codec: AvroCodec;
  consumerGroup: string;
  deadLetters: DeadLetterPublisher;
  logger: Logger;
  retry?: RetryPolicy;
  observer?: InboxObserver;
}

/**
 * Everything between a Kafka record and a handler's committed transaction: decode, validate,
 * apply once, retry what may pass on a later try, and dead-letter what never will. When `handle`
 * resolves, the message is done with (applied, a duplicate, or safely in the dead-letter topic)
 * and its offset may be committed; when it rejects (the dead-letter topic itself unreachable),
 * the offset must not be committed.
 */
export class EventInbox<Tx extends SqlTransaction> {
  private readonly retry: RetryPolicy;

  constructor(private readonly options: EventInboxOptions<Tx>) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  get consumerGroup(): string {
    return this.options.consumerGroup;
  }

  async handle<E extends { envelope: EventEnvelope }>(
    message: IncomingMessage,
    expectedEventType: string,
    handler: EventHandler<E, Tx>,
  ): Promise<InboxOutcome> {
    const { logger, db, consumerGroup, deadLetters, observer } = this.options;
    const started = performance.now();
    const where = { topic: message.topic, partition: message.partition, offset: message.offset };
    let eventType = expectedEventType;
    try {
      const event = await withRetries(
        this.retry,
        () => this.decode<E>(message, expectedEventType),
        (error, attempt) => logger.warn({ ...where, attempt, err: describeError(error) }, 'decoding failed'),
      );
      eventType = event.envelope.eventType;
      const context = {
        ...where,
        eventId: event.envelope.eventId,
        correlationId: event.envelope.correlationId,
        eventType,
      };
      const outcome = await withRetries(
        this.retry,
        () => processOnce(db, consumerGroup, message.topic, event.envelope, (tx) => handler(event, tx)),
        (error, attempt) =>
          logger.warn(
            { ...context, attempt, maxAttempts: this.retry.maxAttempts, err: describeError(error) },
            isPermanent(error) ? 'handler failed permanently' : 'handler failed; retrying',
          ),
      );
      logger.info(
        { ...context, outcome },
        outcome === 'processed' ? 'event processed' : 'duplicate event ignored',
      );
      observer?.onOutcome?.(outcome, message.topic, eventType, performance.now() - started);
      return outcome;
    } catch (error) {
      if (!isPermanent(error)) throw error;
      await deadLetters.publish(message, error);
      logger.error(
        { ...where, eventType, err: describeError(error), code: (error as { code?: string }).code },
        'message dead-lettered',
      );
      observer?.onOutcome?.('dead-lettered', message.topic, eventType, performance.now() - started);
      return 'dead-lettered';
    }
  }

  private async decode<E extends { envelope: EventEnvelope }>(
    message: IncomingMessage,
    expectedEventType: string,
  ) {
    const event = await this.options.codec.decode<E>(message.value, `${message.topic}-value`);
    const envelope = (event as Partial<E> | null)?.envelope;
    if (!envelope?.eventId) throw new InvalidEventError('Event has no envelope or no eventId');
    if (envelope.eventType !== expectedEventType) {
      throw new InvalidEventError(
        `Topic ${message.topic} carries ${expectedEventType} events, but this one says ${envelope.eventType}`,
      );
    }
    return event;
  }
}
