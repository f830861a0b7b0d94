import type { EachBatchPayload } from 'kafkajs';
import { describeError } from '../errors';
import type { Logger } from '../logger';
import type { BatchControl, EventPipeline } from './event-pipeline';
import type { IncomingMessage } from './incoming-message';
import { toIncomingMessage, nextOffset } from './kafka-records';

export interface BatchCollectorOptions {
  pipeline: Pick<EventPipeline, 'process'>;
  logger: Logger;
  maxBatchSize: number;
  /** Transactions applied side by side (see intoLanes); 1 where handlers share rows across orders. */
  lanes: number;
  heartbeatIntervalMs: number;
  beforeOffsetCommit?: (messages: IncomingMessage[]) => Promise<void> | void;
  /** Told, after each commit, how far behind each partition's end the consumer is. */
  onLag?: (topic: string, partition: number, lag: number) => void;
  /** Told whenever the batch in flight makes progress (a commit, a heartbeat that got through). */
  onProgress?: () => void;
  /** Least time between two offset commits (default OFFSET_COMMIT_INTERVAL_MS). */
  offsetCommitIntervalMs?: number;
}

/**
 * Offsets are committed at most this often. Each commit is a broker request and a write to
 * __consumer_offsets; committed after every batch, they were a third of the broker's requests under
 * load. Later is safe: offsets still follow their transaction's COMMIT, and the events of a commit
 * that never happened come again after a restart or rebalance, which the inbox turns into duplicates.
 */
export const OFFSET_COMMIT_INTERVAL_MS = 250;

interface PendingBatch {
  payload: EachBatchPayload;
  done: (error?: unknown) => void;
}

/**
 * The eachBatch side of one kafkajs consumer: collects the batches of one fetch (kafkajs hands
 * every partition's batch over at once, up to partitionsConsumedConcurrently, and fetches again
 * only when all have returned), applies them together through the pipeline, at most maxBatchSize
 * records per transaction, and commits their offsets in one request after each transaction.
 * Records of one partition stay in offset order, which is what keeps one order's events in order.
 *
 * The offset commit is not awaited before the next fetch: at most one is in flight, and the
 * offsets of the batches that commit meanwhile go together in the next one. Offsets still follow
 * their transaction's COMMIT, never precede it; a commit that fails (a rebalance, the broker away)
 * only means the partition's next owner reads those events again, which the inbox turns into
 * duplicates. Each hop of the saga waited one broker round trip for it; under load many became one.
 */
export class BatchCollector {
  private readonly waiting: PendingBatch[] = [];
  private flushScheduled = false;
  private busy: Promise<void> | undefined;
  private stopping = false;
  /** What the batch in flight is doing, for the log line that says a batch takes suspiciously long. */
  private step = 'idle';
  private batchStartedAt: number | undefined;
  /** The next offset to commit per partition, of transactions committed since the last offset commit. */
  private readonly uncommitted = new Map<string, { topic: string; partition: number; offset: string }>();
  private committing: Promise<void> | undefined;
  private lastOffsetCommitAt = 0;
  /** Ends the wait for the next offset commit early (drain). */
  private commitNow: (() => void) | undefined;

  constructor(private readonly options: BatchCollectorOptions) {}

  /** When the batch in flight started, or undefined when none is. */
  get inFlightSince(): number | undefined {
    return this.batchStartedAt;
  }

  readonly eachBatch = (payload: EachBatchPayload): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      this.waiting.push({ payload, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flush());
      }
    });

  /** Takes no new batch; resolves once the one in flight and every offset commit are done (or after timeoutMs). */
  async drain(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.commitNow?.();
    const done = (async () => {
      await this.busy?.catch(() => undefined);
      await this.committing;
    })();
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
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

  private async apply(group: PendingBatch[]): Promise<void> {
    const live = group.filter(({ payload }) => payload.isRunning() && !payload.isStale());
    if (live.length === 0 || this.stopping) return;
    const heartbeat = () => live[0]!.payload.heartbeat();
    // Heartbeats go on while a batch waits out an outage, so the group keeps this member (and its
    // partitions) instead of rebalancing; a heartbeat refused because the group rebalances ends the wait.
    let rebalancing = false;
    const heartbeats = setInterval(
      () =>
        void heartbeat().then(
          () => this.options.onProgress?.(),
          () => (rebalancing = true),
        ),
      this.options.heartbeatIntervalMs,
    );
    const control: BatchControl = {
      shouldContinue: () =>
        !this.stopping && !rebalancing && live.every(({ payload }) => payload.isRunning()),
    };
    this.batchStartedAt = Date.now();
    const records = live.reduce((sum, { payload }) => sum + payload.batch.messages.length, 0);
    const slow = setInterval(
      () =>
        this.options.logger.warn(
          { records, step: this.step, inFlightMs: Date.now() - this.batchStartedAt! },
          'consumer: batch still in flight',
        ),
      30_000,
    );
    try {
      await this.applyInChunks(live, control, heartbeat);
    } finally {
      clearInterval(heartbeats);
      clearInterval(slow);
      this.step = 'idle';
      this.batchStartedAt = undefined;
    }
  }

  /**
   * Applies the records in rounds: each round takes up to maxBatchSize records from every lane, applies
   * the lanes' chunks in concurrent transactions, then commits the offsets of all of them in one request.
   */
  private async applyInChunks(
    live: PendingBatch[],
    control: BatchControl,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const byPartition = new Map(live.map(({ payload }) => [partitionKey(payload.batch), payload]));
    const lanes = intoLanes(
      live.flatMap(({ payload }) =>
        payload.batch.messages.map((message) =>
          toIncomingMessage(payload.batch.topic, payload.batch.partition, message),
        ),
      ),
      this.options.lanes,
    );
    const { maxBatchSize, pipeline } = this.options;
    for (let round = 0; lanes.some((lane) => lane.length > 0); round++) {
      if (round > 0 && !control.shouldContinue()) return;
      const chunks = lanes.map((lane) => lane.splice(0, maxBatchSize)).filter((chunk) => chunk.length > 0);
      this.step = 'applying';
      const results = await Promise.allSettled(chunks.map((chunk) => pipeline.process(chunk, control)));
      const applied = chunks.filter((_, index) => results[index]!.status === 'fulfilled').flat();
      await this.options.beforeOffsetCommit?.(applied);
      if (applied.length > 0) await this.commit(applied, byPartition, live[0]!.payload);
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
      this.options.onProgress?.();
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

  private async commit(
    records: IncomingMessage[],
    byPartition: Map<string, EachBatchPayload>,
    any: EachBatchPayload,
  ): Promise<void> {
    for (const { topic, partition, offset, next } of lastOffsets(records)) {
      this.uncommitted.set(partitionKey({ topic, partition }), { topic, partition, offset: next });
      const payload = byPartition.get(`${topic}/${partition}`);
      if (!payload) continue;
      payload.resolveOffset(offset);
      this.options.onLag?.(
        topic,
        partition,
        Math.max(0, Number(BigInt(payload.batch.highWatermark) - BigInt(next))),
      );
    }
    this.committing ??= this.commitUncommitted(any);
  }

  /**
   * Commits what is uncommitted, in one request at a time and at most one per offset commit
   * interval, until nothing is left. It lets go of `committing` in the same step as it finds nothing
   * left, so offsets added after that start a new round instead of waiting for the next batch.
   */
  private async commitUncommitted(any: EachBatchPayload): Promise<void> {
    for (;;) {
      if (this.uncommitted.size === 0) {
        this.committing = undefined;
        return;
      }
      await this.offsetCommitAllowed();
      this.lastOffsetCommitAt = Date.now();
      const offsets = [...this.uncommitted.values()];
      this.uncommitted.clear();
      await any
        .commitOffsetsIfNecessary({
          topics: [...groupByTopic(offsets)].map(([topic, partitions]) => ({ topic, partitions })),
        })
        .catch((error: unknown) =>
          // Not lost: whoever owns these partitions next reads from the last committed offsets,
          // and the inbox absorbs what was already applied.
          this.options.logger.warn(
            { err: describeError(error), partitions: offsets.length },
            'consumer: offset commit failed; the events since the last one will come again as duplicates',
          ),
        );
    }
  }

  /** Waits out the rest of the offset commit interval, unless the consumer is draining. */
  private async offsetCommitAllowed(): Promise<void> {
    const wait =
      this.lastOffsetCommitAt +
      (this.options.offsetCommitIntervalMs ?? OFFSET_COMMIT_INTERVAL_MS) -
      Date.now();
    if (wait <= 0 || this.stopping) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      this.commitNow = () => (clearTimeout(timer), resolve());
    });
    this.commitNow = undefined;
  }
}

/**
 * Records by lane: partition number modulo the lane count. Every topic of the saga has the same
 * partition count and is keyed by orderId, so all the events of one order, whatever their topic,
 * land in one lane and are applied in order there; different lanes touch different orders.
 */
function intoLanes(records: IncomingMessage[], lanes: number): IncomingMessage[][] {
  const result: IncomingMessage[][] = Array.from({ length: lanes }, () => []);
  for (const record of records) result[record.partition % lanes]!.push(record);
  return result;
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

function groupByTopic(offsets: { topic: string; partition: number; offset: string }[]) {
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets) {
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset }]);
  }
  return byTopic;
}
