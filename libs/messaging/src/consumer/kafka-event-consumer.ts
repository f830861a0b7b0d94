import type { Consumer, ConsumerConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { describeError } from '../errors';
import type { Logger } from '../logger';
import type { BatchControl, EventPipeline } from './event-pipeline';
import type { IncomingMessage } from './incoming-message';

export interface KafkaEventConsumerOptions {
  kafka: Kafka;
  pipeline: Pick<EventPipeline, 'process' | 'consumerGroup' | 'topics'>;
  logger: Logger;
  /** How soon the group notices a member that died without leaving (kafkajs default 30 s). */
  sessionTimeoutMs?: number;
  /** Most records applied in one database transaction (default 500); a bigger fetch is applied in several. */
  maxBatchSize?: number;
  /** How long the broker holds a fetch open when there is nothing new (default 1 s); also bounds how long a stop waits for it. */
  maxWaitTimeInMs?: number;
  /** Test seam: runs after a batch's transaction committed and before its offsets are committed. */
  beforeOffsetCommit?: (messages: IncomingMessage[]) => Promise<void> | void;
}

interface PendingBatch {
  payload: EachBatchPayload;
  done: (error?: unknown) => void;
}

/**
 * A consumer-group member that hands the pipeline everything one fetch brought, from every
 * partition at once, and commits the offsets in one request after the pipeline's transaction.
 *
 * kafkajs fetches from a broker, gives each partition's records to `eachBatch` (all at once, up to
 * `partitionsConsumedConcurrently`), and fetches again only when all of them have returned. The
 * batches of one fetch are therefore collected here and applied together: one transaction and one
 * offset commit per fetch instead of per partition or per record. Records of one partition stay in
 * offset order, which is what keeps one order's events in order.
 *
 * Offsets are committed only after the pipeline has resolved (every record applied, a duplicate or
 * dead-lettered): a crash in between means a redelivery that the inbox recognises, never a loss.
 */
export class KafkaEventConsumer {
  private consumer: Consumer | undefined;
  private readonly waiting: PendingBatch[] = [];
  private flushScheduled = false;
  private busy: Promise<void> | undefined;
  private stopping = false;
  /** What the batch in flight is doing, for the log line that says a batch takes suspiciously long. */
  private step = 'idle';
  private readonly maxBatchSize: number;
  private readonly heartbeatIntervalMs: number;

  constructor(private readonly options: KafkaEventConsumerOptions) {
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.heartbeatIntervalMs = Math.floor((options.sessionTimeoutMs ?? 30_000) / 3);
  }

  get groupId(): string {
    return this.options.pipeline.consumerGroup;
  }

  async start(): Promise<void> {
    const { kafka, pipeline, sessionTimeoutMs } = this.options;
    const config: ConsumerConfig = {
      groupId: pipeline.consumerGroup,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 1_000,
      ...(sessionTimeoutMs
        ? { sessionTimeout: sessionTimeoutMs, heartbeatInterval: Math.floor(sessionTimeoutMs / 3) }
        : {}),
    };
    const consumer = kafka.consumer(config);
    this.consumer = consumer;
    this.stopping = false;
    await consumer.connect();
    await consumer.subscribe({ topics: pipeline.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Every partition of a fetch starts at once, so that collect() sees them all together.
      partitionsConsumedConcurrently: 64,
      eachBatch: (payload) => this.collect(payload),
    });
  }

  /**
   * Stops fetching, lets the batch in flight finish and commit its offsets, then leaves the group.
   * (kafkajs's disconnect() alone would mark the runner stopped first and then silently drop the
   * in-flight batch's offset commit, turning every graceful stop into redeliveries.)
   */
  async stop(timeoutMs = 15_000): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    this.stopping = true;
    consumer.pause(this.options.pipeline.topics.map((topic) => ({ topic })));
    const inFlight = this.busy;
    if (inFlight) {
      await Promise.race([
        inFlight.catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
    await consumer.disconnect();
    this.consumer = undefined;
  }

  private collect(payload: EachBatchPayload): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ payload, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    if (this.busy) return;
    let release!: () => void;
    this.busy = new Promise<void>((resolve) => (release = resolve));
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0);
        try {
          await this.apply(group);
          group.forEach(({ done }) => done());
        } catch (error) {
          group.forEach(({ done }) => done(error));
        }
      }
    } finally {
      this.busy = undefined;
      release();
    }
  }

  /** Applies the batches of one fetch, at most maxBatchSize records per transaction, committing offsets after each. */
  private async apply(group: PendingBatch[]): Promise<void> {
    const live = group.filter(({ payload }) => payload.isRunning() && !payload.isStale());
    if (live.length === 0 || this.stopping) return;
    const byPartition = new Map(live.map(({ payload }) => [partitionKey(payload.batch), payload]));
    const heartbeat = () => live[0]!.payload.heartbeat();
    // Heartbeats go on while a batch waits out an outage, so the group keeps this member (and its
    // partitions) instead of rebalancing; a heartbeat refused because the group rebalances ends the wait.
    let rebalancing = false;
    const heartbeats = setInterval(
      () => void heartbeat().catch(() => (rebalancing = true)),
      this.heartbeatIntervalMs,
    );
    const control: BatchControl = {
      shouldContinue: () =>
        !this.stopping && !rebalancing && live.every(({ payload }) => payload.isRunning()),
    };
    const started = Date.now();
    const records = live.reduce((sum, { payload }) => sum + payload.batch.messages.length, 0);
    const slow = setInterval(
      () =>
        this.options.logger.warn(
          { records, step: this.step, inFlightMs: Date.now() - started },
          'consumer: batch still in flight',
        ),
      30_000,
    );
    try {
      await this.applyInChunks(live, byPartition, control, heartbeat);
    } finally {
      clearInterval(heartbeats);
      clearInterval(slow);
      this.step = 'idle';
    }
  }

  private async applyInChunks(
    live: PendingBatch[],
    byPartition: Map<string, EachBatchPayload>,
    control: BatchControl,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const records = live.flatMap(({ payload }) =>
      payload.batch.messages.map((message) =>
        toIncomingMessage(payload.batch.topic, payload.batch.partition, message),
      ),
    );
    for (let start = 0; start < records.length; start += this.maxBatchSize) {
      if (start > 0 && !control.shouldContinue()) return;
      const chunk = records.slice(start, start + this.maxBatchSize);
      this.step = 'applying';
      await this.options.pipeline.process(chunk, control);
      await this.options.beforeOffsetCommit?.(chunk);
      const offsets = lastOffsets(chunk);
      this.step = 'committing offsets';
      await live[0]!.payload.commitOffsetsIfNecessary({
        topics: [...groupByTopic(offsets)].map(([topic, partitions]) => ({ topic, partitions })),
      });
      for (const { topic, partition, offset } of offsets) {
        byPartition.get(`${topic}/${partition}`)?.resolveOffset(offset);
      }
      this.step = 'heartbeat';
      await heartbeat().catch((error: unknown) => {
        // A rebalance started: stop here; whatever is left is fetched again by the partitions' next owner.
        this.options.logger.info(
          { err: describeError(error) },
          'consumer: group rebalancing; leaving the rest of the fetch',
        );
        throw error;
      });
    }
  }
}

function partitionKey({ topic, partition }: { topic: string; partition: number }): string {
  return `${topic}/${partition}`;
}

/** For each partition in the records, the offset of its last record and the next one to read. */
function lastOffsets(
  records: IncomingMessage[],
): { topic: string; partition: number; offset: string; next: string }[] {
  const last = new Map<string, IncomingMessage>();
  for (const record of records) last.set(partitionKey(record), record);
  return [...last.values()].map(({ topic, partition, offset }) => ({
    topic,
    partition,
    offset,
    next: nextOffset(offset),
  }));
}

function groupByTopic(offsets: { topic: string; partition: number; next: string }[]) {
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, next } of offsets) {
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: next }]);
  }
  return byTopic;
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
