import type { IHeaders, Producer } from 'kafkajs';
import { MessagingError, RetriesExhaustedError, describeError } from '../errors';
import type { IncomingMessage } from '../consumer/incoming-message';
import { DEAD_LETTER_HEADER } from './dead-letter-headers';

/**
 * Copies a message that can never succeed to the consumer's dead-letter topic, unchanged (bytes,
 * key, headers), plus headers naming its origin and the failure. The caller commits the original
 * offset only after this send is acknowledged, so a message is never in neither place.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly deadLetterTopic: string,
    private readonly consumerGroup: string,
  ) {}

  async publish(message: IncomingMessage, error: unknown, now: Date = new Date()): Promise<void> {
    const failure = error instanceof RetriesExhaustedError ? error.lastError : error;
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [DEAD_LETTER_HEADER.originalTopic]: message.topic,
      [DEAD_LETTER_HEADER.originalPartition]: String(message.partition),
      [DEAD_LETTER_HEADER.originalOffset]: message.offset,
      [DEAD_LETTER_HEADER.consumerGroup]: this.consumerGroup,
      [DEAD_LETTER_HEADER.errorClass]: error instanceof Error ? error.constructor.name : typeof error,
      [DEAD_LETTER_HEADER.errorCode]: error instanceof MessagingError ? error.code : 'UNEXPECTED',
      [DEAD_LETTER_HEADER.errorMessage]: describeError(failure).slice(0, 2_000),
      [DEAD_LETTER_HEADER.attempts]: String(error instanceof RetriesExhaustedError ? error.attempts : 1),
      [DEAD_LETTER_HEADER.failedAt]: now.toISOString(),
    };
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }
}
