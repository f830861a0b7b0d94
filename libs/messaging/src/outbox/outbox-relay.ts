import { setTimeout as delay } from 'node:timers/promises';
import type { Producer } from 'kafkajs';
import { Client, type Pool } from 'pg';
import type { AvroCodec } from '../codec/avro-codec';
import { failureKind } from '../consumer/failure-kind';
import { describeError } from '../errors';
import type { Logger } from '../logger';
import { OUTBOX_CHANNEL, type OutboxWakeup } from './outbox';

export interface OutboxRelayOptions {
  pool: Pool;
  /** Connection string for the relay's own LISTEN connection, which also holds its leader lock. */
  connectionString: string;
  /** Connected, with `idempotent: true` and `maxInFlightRequests: 1` (see createKafkaProducer). */
  producer: Producer;
  codec: AvroCodec;
  logger: Logger;
  batchSize?: number;
  /** Backstop poll interval, for notifications missed while the LISTEN connection was down. */
  pollIntervalMs?: number;
  /** Published rows older than this are deleted; checked every cleanupIntervalMs. */
  retentionMs?: number;
  /**
   * Inbox rows (processed_events) older than this are deleted too (default 8 days, a day more than
   * the topics' 7-day retention: an event older than that can no longer be delivered again).
   */
  inboxRetentionMs?: number;
  cleanupIntervalMs?: number;
  /** Told how many rows of each topic a successful batch published, for metrics. */
  onPublished?: (countsByTopic: Map<string, number>) => void;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: unknown;
  headers: Record<string, string>;
}

// Any constant works, as long as every relay of one database uses the same one.
const LEADER_LOCK_KEY = 7_315_001;
const MARK_WITH_NEXT_BATCH_MS = 100;

/**
 * Publishes outbox rows to Kafka in id order, which is commit order for one key, and marks them
 * published. Exactly one relay per database publishes at a time (a session advisory lock), so
 * several replicas of an app cannot reorder one order's events. A crash between send and mark
 * republishes a batch: at-least-once, which the idempotent consumers absorb.
 */
export class OutboxRelay implements OutboxWakeup {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly inboxRetentionMs: number;
  private readonly cleanupIntervalMs: number;
  private listener: Client | undefined;
  private isLeader = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeSleeper: (() => void) | undefined;
  private lastCleanup = 0;
  // Set by a notification that arrives while a batch is in flight, so the next sleep is skipped.
  private notified = false;
  /** Ids sent to Kafka whose published_at is set by the next batch's query (or at stop). */
  private sentNotMarked: string[] = [];

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.retentionMs = options.retentionMs ?? 60 * 60_000;
    this.inboxRetentionMs = options.inboxRetentionMs ?? 8 * 24 * 60 * 60_000;
    this.cleanupIntervalMs = options.cleanupIntervalMs ?? 60_000;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /**
   * Finishes the batch in flight, then flushes what was committed up to now (the last handlers'
   * events, on shutdown), and releases the leader lock. If Kafka is unreachable the rest simply
   * stays in the outbox for the next start.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeSleeper?.();
    await this.loop;
    this.loop = undefined;
    if (this.isLeader) {
      try {
        while ((await this.publishBatch()) === this.batchSize);
        await this.markSent();
      } catch (error) {
        this.options.logger.warn(
          { err: describeError(error) },
          'outbox relay: flush on stop failed; rows stay queued',
        );
      }
    }
    await this.closeListener();
  }

  /** True while this relay holds the database's leader lock, i.e. publishes what this process commits. */
  get isLocal(): boolean {
    return this.isLeader && !this.stopping;
  }

  /** Publish without waiting for the poll: called after a commit that wrote outbox rows. */
  wake(): void {
    this.notified = true;
    this.wakeSleeper?.();
  }

  /** Rows not yet published; exported as the outbox-backlog metric. */
  async backlog(): Promise<number> {
    const { rows } = await this.options.pool.query<{ count: string }>(
      'SELECT count(*) AS count FROM outbox_messages WHERE published_at IS NULL',
    );
    return Number(rows[0]?.count ?? 0);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (!(await this.ensureLeadership())) {
          await this.sleep(this.pollIntervalMs);
          continue;
        }
        const published = await this.publishBatch();
        await this.cleanupIfDue();
        failures = 0;
        if (published < this.batchSize) await this.idle();
      } catch (error) {
        failures += 1;
        const backoffMs = Math.min(30_000, 200 * 2 ** Math.min(failures, 8)) * (0.5 + Math.random() / 2);
        this.options.logger.warn(
          { err: describeError(error), attempt: failures, retryInMs: Math.round(backoffMs) },
          'outbox relay: publishing failed; will retry',
        );
        if (isConnectionLoss(error)) await this.closeListener();
        await this.sleep(backoffMs);
      }
    }
  }

  /**
   * Marks what the previous batch sent and reads the next batch, in one query (the rows just marked
   * are still unpublished in that query's snapshot, hence their exclusion), then sends. Marking one
   * batch late halves the relay's statements while more keeps coming (see run: an idle relay marks
   * at once); a relay that dies in between only sends that batch again, which the consumers' inbox
   * absorbs, as after a crash between send and mark.
   */
  private async publishBatch(): Promise<number> {
    const { pool, producer, codec, onPublished } = this.options;
    const { rows } = await pool.query<OutboxRow>({
      name: 'outbox_relay_next_batch',
      text: `WITH marked AS (
               UPDATE outbox_messages SET published_at = now() WHERE id = ANY($2::bigint[])
             )
             SELECT id, topic, message_key, payload, headers FROM outbox_messages
              WHERE published_at IS NULL AND id <> ALL($2::bigint[])
              ORDER BY id LIMIT $1`,
      values: [this.batchSize, this.sentNotMarked],
    });
    this.sentNotMarked = [];
    if (rows.length === 0) return 0;
    const byTopic = new Map<string, { key: string; value: Buffer; headers: Record<string, string> }[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({
        key: row.message_key,
        value: codec.encode(`${row.topic}-value`, row.payload),
        headers: row.headers,
      });
      byTopic.set(row.topic, messages);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    this.sentNotMarked = rows.map((row) => row.id);
    onPublished?.(new Map([...byTopic].map(([topic, messages]) => [topic, messages.length])));
    this.options.logger.debug({ count: rows.length }, 'outbox relay: published batch');
    return rows.length;
  }

  private async markSent(): Promise<void> {
    if (this.sentNotMarked.length === 0) return;
    await this.options.pool.query(
      'UPDATE outbox_messages SET published_at = now() WHERE id = ANY($1::bigint[])',
      [this.sentNotMarked],
    );
    this.sentNotMarked = [];
  }

  /** Housekeeping of this database's messaging tables, done by the one relay that leads it. */
  private async cleanupIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < this.cleanupIntervalMs) return;
    this.lastCleanup = Date.now();
    const { rowCount: published } = await this.options.pool.query(
      `DELETE FROM outbox_messages WHERE published_at < now() - make_interval(secs => $1)`,
      [this.retentionMs / 1000],
    );
    const { rowCount: processed } = await this.options.pool.query(
      `DELETE FROM processed_events WHERE processed_at < now() - make_interval(secs => $1)`,
      [this.inboxRetentionMs / 1000],
    );
    if (published || processed)
      this.options.logger.info(
        { published: published ?? 0, processed: processed ?? 0 },
        'outbox relay: removed published outbox rows and expired inbox rows',
      );
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.listener && this.isLeader) return true;
    if (!this.listener) {
      const listener = new Client({ connectionString: this.options.connectionString });
      // A dropped connection loses the lock with it; the loop notices on its next query.
      listener.on('error', () => {
        if (this.listener === listener) void this.closeListener();
      });
      listener.on('notification', () => {
        this.notified = true;
        this.wakeSleeper?.();
      });
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = listener;
    }
    const { rows } = await this.listener.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [LEADER_LOCK_KEY],
    );
    this.isLeader = rows[0]?.locked === true;
    if (this.isLeader) this.options.logger.info({}, 'outbox relay: leading; publishing this database outbox');
    return this.isLeader;
  }

  private async closeListener(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    this.isLeader = false;
    await listener?.end().catch(() => undefined);
  }

  /**
   * Waits for a wake-up or the backstop poll. The batch just sent is marked by the next batch's
   * query when a wake-up comes within MARK_WITH_NEXT_BATCH_MS, as it does while events keep coming;
   * otherwise it is marked on its own before the relay sleeps on. Marking every batch at once cost a
   * statement per relay cycle at moderate rates, as many as the relay's reads.
   */
  private async idle(): Promise<void> {
    if (this.sentNotMarked.length === 0) {
      await this.sleep(this.pollIntervalMs);
      return;
    }
    if (await this.sleep(MARK_WITH_NEXT_BATCH_MS)) return;
    await this.markSent();
    await this.sleep(Math.max(0, this.pollIntervalMs - MARK_WITH_NEXT_BATCH_MS));
  }

  /** True when a wake-up (or a stop) ended it before `ms`. */
  private async sleep(ms: number): Promise<boolean> {
    if (this.stopping) return true;
    if (this.notified) {
      this.notified = false;
      return true;
    }
    const controller = new AbortController();
    this.wakeSleeper = () => controller.abort();
    const woken = await delay(ms, false, { signal: controller.signal }).catch(() => true);
    this.wakeSleeper = undefined;
    this.notified = false;
    return woken;
  }
}

function isConnectionLoss(error: unknown): boolean {
  return failureKind(error) === 'unavailable';
}
