import { Inject, Injectable } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
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
  constructor(@Inject(EVENT_INBOX) private readonly inbox: EventInbox<SqlTransaction>) {}

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
