import { setTimeout as delay } from 'node:timers/promises';
import type { Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { HEADER, headerText } from '../codec/envelope-headers';
import type { IncomingMessage } from '../consumer/incoming-message';
import { startEventConsumer } from '../consumer/start-event-consumer';
import { GroupCommit } from '../database/group-commit';
import { inTransaction, type PgTransaction, type Statement, type Transaction } from '../database/transaction';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { createIdempotentProducer } from '../kafka/kafka-settings';
import type { Logger } from '../logger';
import type { OutboxWakeup } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import {
  createTestDatabase,
  createTestTopics,
  deleteTopics,
  testEvent,
  uniqueName,
  type TestEvent,
} from '../testing/messaging-fixture';
import { summarizeLatencies, type LatencySummary } from './latency-summary';

export const BENCH_PARTITIONS = 3;
// A run that makes no progress for this long is stuck, not slow.
const STALL_TIMEOUT_MS = 60_000;

export interface PipelineBenchOptions {
  kafka: Kafka;
  events: number;
  writers: number;
  commits: 'grouped' | 'separate';
  keys: number;
  batchSize: number;
  logger: Logger;
  signal?: AbortSignal;
  onProgress?: (progress: { enqueued: number; processed: number }) => void;
}

export interface PipelineResult {
  events: number;
  /** From the first enqueue to the last handler commit. */
  seconds: number;
  eventsPerSecond: number;
  /** From the first enqueue to the last enqueue's commit: how fast the writers alone went. */
  enqueueSeconds: number;
  /** Handler commit minus envelope.occurredAt (set when the event was enqueued), per event. */
  latencyMs: LatencySummary;
  writers: number;
  commits: 'grouped' | 'separate';
  keys: number;
  partitions: number;
  batchSize: number;
  recordBytes: number;
}

/**
 * Sends events through the whole path an app's events take (outbox insert in the writer's own
 * transaction, relay wake-up, Kafka, consumer group, inbox transaction) on a throwaway database and
 * topic, all in this process, and removes both afterwards. Latency is measured per event with one
 * clock: the writer stamps occurredAt, and the consumer notes the time its transaction committed.
 */
export async function runPipelineBench(options: PipelineBenchOptions): Promise<PipelineResult> {
  const { kafka, events, writers, commits, keys, batchSize, logger, signal, onProgress } = options;
  const cleanup: { name: string; run: () => Promise<unknown> }[] = [];
  // Every writer holds a connection for its transaction; the relay and the consumer need theirs too.
  const database = await createTestDatabase('messaging-bench', { poolSize: writers + 4 });
  cleanup.push({ name: 'drop the database', run: () => database.drop() });
  try {
    const topic = uniqueName('bench.test-event');
    const deadLetterTopic = uniqueName('dead-letters.bench');
    const groupId = uniqueName('bench');
    await database.pool.query(
      'CREATE TABLE bench_effects (event_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, sequence INT NOT NULL)',
    );
    const codec = await createTestTopics(kafka, [topic, deadLetterTopic], BENCH_PARTITIONS);
    cleanup.push({ name: 'delete the topics', run: () => deleteTopics(kafka, [topic, deadLetterTopic]) });
    const recordBytes = codec.encode(`${topic}-value`, testEvent('key-42', 100)).length;

    const producer: Producer = createIdempotentProducer(kafka);
    await producer.connect();
    cleanup.push({ name: 'disconnect the producer', run: () => producer.disconnect() });
    const relay = new OutboxRelay({
      pool: database.pool,
      connectionString: database.url,
      producer,
      codec,
      logger,
      batchSize,
    });
    relay.start();
    cleanup.push({ name: 'stop the relay', run: () => relay.stop() });

    const latencies: number[] = [];
    const seen = new Set<string>();
    let lastCommitAt = 0;
    const recordCommit = (messages: IncomingMessage[]) => messages.forEach(recordOne);
    const recordOne = (message: IncomingMessage) => {
      const eventId = headerText(message.headers, HEADER.eventId);
      // At-least-once: a redelivered event is committed as a duplicate; only its first commit counts.
      if (!eventId || seen.has(eventId)) return;
      seen.add(eventId);
      lastCommitAt = Date.now();
      latencies.push(lastCommitAt - Date.parse(headerText(message.headers, HEADER.occurredAt) ?? ''));
    };
    const consumer = await startEventConsumer({
      kafka,
      pool: database.pool,
      codec,
      consumerGroup: groupId,
      deadLetters: new DeadLetterPublisher(producer, deadLetterTopic, groupId),
      logger,
      routes: [{ topic, eventType: 'TestEvent', handle: applyEffect }],
      beforeOffsetCommit: recordCommit,
    });
    cleanup.push({ name: 'stop the consumer', run: () => consumer.stop() });

    const startedAt = Date.now();
    const enqueued = { count: 0 };
    const enqueue = enqueueAll({
      pool: database.pool,
      wakeup: relay,
      topic,
      events,
      writers,
      commits,
      keys,
      enqueued,
      signal,
    });
    const enqueuedAt = enqueue.then(() => Date.now());
    // A writer's failure is reported by waitForAllProcessed; this derived promise must not crash the process first.
    enqueuedAt.catch(() => undefined);
    await waitForAllProcessed({
      events,
      processed: () => seen.size,
      enqueued: () => enqueued.count,
      enqueueFailed: enqueue,
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    const seconds = (lastCommitAt - startedAt) / 1000;

    const { rows } = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM bench_effects');
    if (Number(rows[0]!.n) !== events)
      throw new Error(
        `Expected ${events} effects, found ${rows[0]!.n}: the pipeline lost or duplicated events`,
      );
    return {
      events,
      seconds,
      eventsPerSecond: events / seconds,
      enqueueSeconds: ((await enqueuedAt) - startedAt) / 1000,
      latencyMs: summarizeLatencies(latencies),
      writers,
      commits,
      keys,
      partitions: BENCH_PARTITIONS,
      batchSize,
      recordBytes,
    };
  } finally {
    for (const step of cleanup.reverse()) {
      await step
        .run()
        .catch((error: unknown) =>
          logger.warn({ err: String(error) }, `benchmark cleanup: could not ${step.name}`),
        );
    }
  }
}

const EFFECTS = Symbol('bench effects of the transaction');

/**
 * The stand-in for an app's handler: one row per event, written as the apps write theirs (their
 * repositories defer writes to one statement per transaction, see Transaction.scoped).
 */
async function applyEffect(event: TestEvent, tx: Transaction): Promise<void> {
  tx.scoped(EFFECTS, (): TestEvent[] => [], effectWrites).push(event);
}

function effectWrites(effects: TestEvent[]): Statement[] {
  return [
    {
      text: 'INSERT INTO bench_effects (event_id, order_id, sequence) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])',
      values: [
        effects.map((e) => e.envelope.eventId),
        effects.map((e) => e.orderId),
        effects.map((e) => e.sequence),
      ],
    },
  ];
}

/**
 * Writers share one counter and each waits for its event's commit before the next, as a request
 * handler answers only once committed. `grouped`: the events in flight are committed together, as
 * POST /orders does (GroupCommit); `separate`: one transaction per event. Either way the commit
 * wakes the relay of the same process directly instead of sending a NOTIFY (which would serialise
 * the writers' commits).
 */
async function enqueueAll(options: {
  pool: Pool;
  wakeup: OutboxWakeup;
  topic: string;
  events: number;
  writers: number;
  commits: 'grouped' | 'separate';
  keys: number;
  enqueued: { count: number };
  signal: AbortSignal | undefined;
}): Promise<void> {
  const { pool, wakeup, topic, events, writers, commits, keys, enqueued, signal } = options;
  const keyPrefix = uniqueName('bench-key');
  const sequences = new Array<number>(keys).fill(0);
  const inOwnTransaction = <R>(work: (tx: PgTransaction) => Promise<R>) =>
    inTransaction(pool, work, { wakeup });
  const grouped = new GroupCommit<TestEvent, void>({
    transaction: inOwnTransaction,
    apply: async (tx, batch) => {
      tx.enqueue(...batch.map((event) => ({ topic, key: event.orderId, event })));
      return batch.map(() => undefined);
    },
  });
  const commit = (event: TestEvent) =>
    commits === 'grouped'
      ? grouped.submit(event)
      : inOwnTransaction(async (tx) => tx.enqueue({ topic, key: event.orderId, event }));
  let next = 0;
  const writer = async () => {
    for (let index = next++; index < events; index = next++) {
      signal?.throwIfAborted();
      const k = index % keys;
      sequences[k] = sequences[k]! + 1;
      // Created right before its transaction: occurredAt is the enqueue time.
      await commit(testEvent(`${keyPrefix}-${k}`, sequences[k]!));
      enqueued.count += 1;
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
}

async function waitForAllProcessed(options: {
  events: number;
  processed: () => number;
  enqueued: () => number;
  enqueueFailed: Promise<void>;
  signal?: AbortSignal;
  onProgress?: (progress: { enqueued: number; processed: number }) => void;
}): Promise<void> {
  const { events, processed, enqueued, signal, onProgress } = options;
  // Surfaces a writer's error at once instead of as a stall a minute later.
  let writerError: unknown;
  options.enqueueFailed.catch((error: unknown) => (writerError = error));
  let last = -1;
  let lastProgressAt = Date.now();
  let lastReportAt = Date.now();
  while (processed() < events) {
    signal?.throwIfAborted();
    if (writerError) throw writerError;
    const now = Date.now();
    if (processed() !== last) {
      last = processed();
      lastProgressAt = now;
    } else if (now - lastProgressAt > STALL_TIMEOUT_MS) {
      throw new Error(`No progress for ${STALL_TIMEOUT_MS / 1000} s: ${last} of ${events} events processed`);
    }
    if (now - lastReportAt >= 2_000) {
      lastReportAt = now;
      onProgress?.({ enqueued: enqueued(), processed: processed() });
    }
    await delay(20);
  }
}
