import { CATALOGUE_ENTRIES, entryForTopic } from '@platform/contracts';
import { HEADER, headerText } from '@platform/messaging';
import { uniqueName } from '@platform/testing';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { startObserver } from '../support/start-observer';
import { SagaHops } from './saga-hops';

/**
 * Reads every saga topic's headers (never the Avro body) into SagaHops. Its own consumer fetches in
 * large, slow batches: the hops come from the events' own timestamps, so when it reads them does not
 * matter, and few fetches keep its load on the broker and the machine small.
 */
export class HopWatcher {
  readonly hops = new SagaHops();

  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka): Promise<HopWatcher> {
    const consumer = kafka.consumer({
      groupId: uniqueName('bench-hops'),
      minBytes: 256 * 1024,
      maxWaitTimeInMs: 1_000,
    });
    const watcher = new HopWatcher(consumer);
    await startObserver(consumer, {
      topics: CATALOGUE_ENTRIES.map((entry) => entry.topic),
      readyOn: 'fetch',
      run: {
        // A group of its own that never restarts: committed offsets would only add broker requests.
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const eventType = entryForTopic(batch.topic)?.eventType;
          if (!eventType) return;
          for (const message of batch.messages) watcher.record(eventType, message);
        },
      },
    });
    return watcher;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }

  private record(eventType: string, message: KafkaMessage): void {
    const orderId = message.key?.toString();
    const eventId = headerText(message.headers, HEADER.eventId);
    const occurredAt = headerText(message.headers, HEADER.occurredAt);
    if (!orderId || !eventId || !occurredAt) return;
    this.hops.record({
      orderId,
      eventId,
      eventType,
      causationId: headerText(message.headers, HEADER.causationId),
      occurredAtMs: Date.parse(occurredAt),
      onKafkaAtMs: Number(message.timestamp),
    });
  }
}
