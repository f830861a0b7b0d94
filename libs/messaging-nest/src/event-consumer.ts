import { Inject, Injectable } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';
import type { EventType, EventTypeMap } from '@platform/contracts';
import { nextOffset, type EventInbox, type IncomingMessage, type SqlTransaction } from '@platform/messaging';
import { EVENT_INBOX } from './tokens';

/**
 * The one call an @EventPattern handler makes: run the handler through the inbox (decode,
 * once-only, retries, dead letters), then commit the record's offset. Nothing commits an offset
 * before the handler's transaction has, so a crash in between means a redelivery the inbox
 * recognises, never a lost event.
 */
@Injectable()
export class EventConsumer {
  private inFlight = 0;
  private idle: (() => void) | undefined;
  private kafkaConsumer: Consumer | undefined;
  private readonly topics = new Set<string>();

  constructor(@Inject(EVENT_INBOX) private readonly inbox: EventInbox<SqlTransaction>) {}

  /**
   * Pauses every topic this app consumes and waits for the messages in flight, so each commits
   * its offset before Nest disconnects the consumer (kafkajs drops commits once disconnect starts,
   * which would turn every graceful stop into redeliveries).
   */
  async drain(timeoutMs = 15_000): Promise<void> {
    this.kafkaConsumer?.pause([...this.topics].map((topic) => ({ topic })));
    if (this.inFlight === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => (this.idle = resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }

  async consume<T extends EventType, Tx extends SqlTransaction>(
    message: IncomingMessage,
    context: KafkaContext,
    eventType: T,
    handler: (event: EventTypeMap[T], tx: Tx) => Promise<void>,
  ): Promise<void> {
    await this.inbox.handle(
      message,
      eventType,
      handler as (event: EventTypeMap[T], tx: SqlTransaction) => Promise<void>,
    );
    await context
      .getConsumer()
      .commitOffsets([
        { topic: message.topic, partition: message.partition, offset: nextOffset(message.offset) },
      ]);
  }
}
