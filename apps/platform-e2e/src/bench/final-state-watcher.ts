import { EVENT_CATALOGUE } from '@platform/contracts';
import type { Consumer, Kafka } from 'kafkajs';
import { uniqueName } from '@platform/testing';
import { startObserver } from '../support/start-observer';

export interface FinalState {
  status: 'CONFIRMED' | 'CANCELLED';
  /** performance.now() when the watcher received the event. */
  at: number;
  /** Date.now() at the same moment, to compare with the events' own timestamps. */
  wallMs: number;
}

export const FINAL_EVENT_TYPES = ['OrderConfirmed', 'OrderCancelled'] as const;

const FINAL_TOPICS: Record<string, FinalState['status']> = {
  [EVENT_CATALOGUE.OrderConfirmed.topic]: 'CONFIRMED',
  [EVENT_CATALOGUE.OrderCancelled.topic]: 'CANCELLED',
};

/**
 * Notes when each order's OrderConfirmed or OrderCancelled appears on Kafka. It reads only those two
 * topics and only the record key (the orderId), never decoding Avro, so that the benchmark's own
 * observer costs as little CPU as possible on the machine it measures.
 */
export class FinalStateWatcher {
  readonly finals = new Map<string, FinalState>();
  private listener: ((orderId: string) => void) | undefined;

  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka): Promise<FinalStateWatcher> {
    const consumer = kafka.consumer({ groupId: uniqueName('bench-watcher'), maxWaitTimeInMs: 100 });
    const watcher = new FinalStateWatcher(consumer);
    await startObserver(consumer, {
      topics: Object.keys(FINAL_TOPICS),
      readyOn: 'fetch',
      run: {
        // A group of its own that never restarts: committed offsets would only add broker requests.
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const status = FINAL_TOPICS[batch.topic]!;
          const at = performance.now();
          const wallMs = Date.now();
          for (const message of batch.messages) {
            const orderId = message.key?.toString();
            if (!orderId || watcher.finals.has(orderId)) continue;
            watcher.finals.set(orderId, { status, at, wallMs });
            watcher.listener?.(orderId);
          }
        },
      },
    });
    return watcher;
  }

  onFinal(listener: (orderId: string) => void): void {
    this.listener = listener;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
