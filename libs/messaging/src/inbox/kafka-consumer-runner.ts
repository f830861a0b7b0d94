import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { SqlTransaction } from '../outbox/outbox';
import type { EventHandler, EventInbox } from './event-inbox';
import { consumerDrain } from './consumer-drain';
import type { IncomingMessage } from './incoming-message';

export interface EventRoute<Tx> {
  topic: string;
  eventType: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own event type
  handle: EventHandler<any, Tx>;
}

export interface ConsumerRunnerOptions<Tx extends SqlTransaction> {
  kafka: Kafka;
  inbox: EventInbox<Tx>;
  routes: EventRoute<Tx>[];
  /** How soon the group notices a member that died without leaving (kafkajs default 30 s). */
  sessionTimeoutMs?: number;
  /** Test seam: runs after the handler's transaction committed and before the offset commit. */
  beforeOffsetCommit?: (message: IncomingMessage) => Promise<void> | void;
}

/**
 * A consumer-group member without Nest (tools, benchmarks, tests). Offsets are committed by hand,
 * one message at a time, only after the inbox is done with it: at-least-once delivery, with the
 * inbox turning redeliveries into no-ops.
 */
export async function startConsumer<Tx extends SqlTransaction>(
  options: ConsumerRunnerOptions<Tx>,
): Promise<{ consumer: Consumer; stop: () => Promise<void> }> {
  const { kafka, inbox, routes, beforeOffsetCommit, sessionTimeoutMs } = options;
  const byTopic = new Map(routes.map((route) => [route.topic, route]));
  const consumer = kafka.consumer({
    groupId: inbox.consumerGroup,
    allowAutoTopicCreation: false,
    ...(sessionTimeoutMs
      ? { sessionTimeout: sessionTimeoutMs, heartbeatInterval: Math.floor(sessionTimeoutMs / 3) }
      : {}),
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [...byTopic.keys()], fromBeginning: true });
  const drain = consumerDrain(consumer, [...byTopic.keys()]);
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const route = byTopic.get(topic)!;
      const incoming = toIncomingMessage(topic, partition, message);
      await inbox.handle(incoming, route.eventType, route.handle);
      await beforeOffsetCommit?.(incoming);
      await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
    },
  });
  return {
    consumer,
    // Pause first so the message in flight commits its offset (see consumerDrain), then leave the group.
    stop: async () => {
      drain.stopFetching();
      await drain.finishInFlight().catch(() => undefined);
      await consumer.disconnect();
    },
  };
}

export function toIncomingMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: message.headers,
  };
}

export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
