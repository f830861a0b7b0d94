import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';
import { describeError } from '../errors';
import type { Logger } from '../logger';
import { BatchCollector } from './batch-collector';
import type { EventPipeline } from './event-pipeline';
import type { IncomingMessage } from './incoming-message';

/** Transactions a consumer applies side by side unless told otherwise (see KafkaEventConsumerOptions.lanes). */
export const DEFAULT_LANES = 1;

export interface KafkaEventConsumerOptions {
  kafka: Kafka;
  pipeline: Pick<EventPipeline, 'process' | 'consumerGroup' | 'topics' | 'lastActivityAt'>;
  logger: Logger;
  /** How soon the group notices a member that died without leaving (default 10 s; kafkajs's own is 30 s). */
  sessionTimeoutMs?: number;
  /** Most records applied in one database transaction (default 500); a bigger fetch is applied in several. */
  maxBatchSize?: number;
  /**
   * Transactions applied side by side, each for the partitions with the same number modulo this
   * (default 1: every partition of a fetch in one transaction). More lanes only pay where cores are
   * idle while a transaction waits: on two busy cores three lanes split each fetch into three
   * transactions that wake three PostgreSQL backends, and a hop waited for the slowest of them (p99
   * POST→final at 100 orders/s 513–881 ms against 245–495 with one). Keep 1 for handlers that lock
   * rows shared across orders in an order of their own (stock levels): concurrent batch
   * transactions could deadlock on them.
   */
  lanes?: number;
  /** How long the broker holds a fetch open when there is nothing new (default 1 s); also bounds how long a stop waits for it. */
  maxWaitTimeInMs?: number;
  /** Not consuming, or no progress on the batch in flight, for this long: replace the kafkajs consumer (default 30 s). */
  stallTimeoutMs?: number;
  /**
   * Still not consuming this long while the broker answers (restarts included): give up (default
   * 2 min). While the broker itself is unreachable the consumer waits without giving up: restarting
   * the process would not bring Kafka back, and would stop the app's HTTP side for nothing.
   */
  giveUpAfterMs?: number;
  /** Called once the consumer has given up; the app should exit non-zero so its supervisor starts it again. */
  onGiveUp?: (reason: string) => void;
  observer?: ConsumerObserver;
  /** Test seam: runs after a batch's transaction committed and before its offsets are committed. */
  beforeOffsetCommit?: (messages: IncomingMessage[]) => Promise<void> | void;
}

// A member killed without leaving holds its partitions this long: short, so a restarted app resumes
// within seconds, and well above a heartbeat interval (a third of it) plus a slow event loop.
const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

export interface ConsumerObserver {
  onMembership?(member: boolean): void;
  onLag?(topic: string, partition: number, lag: number): void;
  onRestart?(reason: string): void;
}

export interface ConsumerHealth {
  /** Joined to its group and fetching: the only state in which events flow. */
  consuming: boolean;
  member: boolean;
  /** Milliseconds since the last fetch came back (a fetch returns at least every maxWaitTimeInMs). */
  sinceLastFetchMs: number | undefined;
  /** Why it is not consuming, when it is not. */
  reason?: string;
}

/**
 * A consumer-group member for the pipeline that always comes back.
 *
 * kafkajs restarts its consumer after most crashes, but not all: after a broker restart it has been
 * seen to log "Restarting the consumer" and never rejoin, leaving a process that is up and consumes
 * nothing. So this class watches its own consumer (group membership, fetches, progress of the batch
 * in flight) and, when it crashed without coming back or stalled, replaces it with a new kafkajs
 * consumer, with backoff. If that has not brought it back within `giveUpAfterMs`, it calls
 * `onGiveUp`, for the process to exit and its supervisor to start it afresh. `health()` says all
 * this to the readiness check.
 */
export class KafkaEventConsumer {
  private consumer: Consumer | undefined;
  private collector: BatchCollector | undefined;
  private running = false;
  private member = false;
  private lastFetchAt: number | undefined;
  private lastProgressAt = 0;
  private notConsumingSince: number | undefined = Date.now();
  private notConsumingReason = 'starting';
  private watchdog: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private restarts = 0;
  private gaveUp = false;
  private brokerAnsweringSince: number | undefined;
  private checkingBroker = false;
  private readonly stallTimeoutMs: number;
  private readonly giveUpAfterMs: number;

  constructor(private readonly options: KafkaEventConsumerOptions) {
    this.stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 120_000;
  }

  get groupId(): string {
    return this.options.pipeline.consumerGroup;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.startConsumer();
    this.watchdog = setInterval(() => this.check(), Math.min(5_000, this.stallTimeoutMs / 4));
    this.watchdog.unref();
  }

  /**
   * Stops fetching, lets the batch in flight finish and commit its offsets, then leaves the group.
   * (kafkajs's disconnect() alone would mark the runner stopped first and then silently drop the
   * in-flight batch's offset commit, turning every graceful stop into redeliveries.)
   */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.running = false;
    clearInterval(this.watchdog);
    await this.restarting?.catch(() => undefined);
    await this.stopConsumer(timeoutMs);
  }

  health(): ConsumerHealth {
    const sinceLastFetchMs = this.lastFetchAt === undefined ? undefined : Date.now() - this.lastFetchAt;
    const consuming = this.notConsumingSince === undefined;
    return {
      consuming,
      member: this.member,
      sinceLastFetchMs,
      ...(consuming ? {} : { reason: this.notConsumingReason }),
    };
  }

  private async startConsumer(): Promise<void> {
    const { kafka, pipeline, logger } = this.options;
    const sessionTimeoutMs = this.options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    const config: ConsumerConfig = {
      groupId: pipeline.consumerGroup,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 1_000,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: Math.floor(sessionTimeoutMs / 3),
    };
    const consumer = kafka.consumer(config);
    const collector = new BatchCollector({
      pipeline,
      logger,
      maxBatchSize: this.options.maxBatchSize ?? 500,
      lanes: this.options.lanes ?? DEFAULT_LANES,
      heartbeatIntervalMs: Math.floor(sessionTimeoutMs / 3),
      ...(this.options.beforeOffsetCommit ? { beforeOffsetCommit: this.options.beforeOffsetCommit } : {}),
      onLag: (topic, partition, lag) => this.options.observer?.onLag?.(topic, partition, lag),
      onProgress: () => (this.lastProgressAt = Date.now()),
    });
    this.consumer = consumer;
    this.collector = collector;
    this.watchEvents(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: pipeline.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Every partition of a fetch starts at once, so the collector sees them all together.
      partitionsConsumedConcurrently: 64,
      eachBatch: collector.eachBatch,
    });
  }

  private watchEvents(consumer: Consumer): void {
    const current = () => this.consumer === consumer;
    const { GROUP_JOIN, FETCH, CRASH, STOP, REBALANCING } = consumer.events;
    consumer.on(GROUP_JOIN, () => {
      if (!current()) return;
      this.setMember(true);
    });
    consumer.on(FETCH, () => {
      if (!current()) return;
      this.lastFetchAt = Date.now();
      if (this.member && this.notConsumingSince !== undefined) {
        if (this.restarts > 0)
          this.options.logger.info({ restarts: this.restarts }, 'consumer: consuming again');
        this.notConsumingSince = undefined;
        this.restarts = 0;
      }
    });
    consumer.on(REBALANCING, () => current() && this.setMember(false));
    consumer.on(STOP, () => current() && this.setMember(false));
    consumer.on(CRASH, ({ payload }) => {
      if (!current()) return;
      this.setMember(false);
      this.markNotConsuming(`crashed: ${describeError(payload.error)}`);
      this.options.logger.warn(
        { err: describeError(payload.error), kafkajsRestarts: payload.restart },
        payload.restart
          ? 'consumer crashed; kafkajs restarts it (checked by the watchdog)'
          : 'consumer crashed and kafkajs gave up; replacing it',
      );
      if (!payload.restart) void this.restart('kafkajs gave up after a crash');
    });
  }

  /** Runs every few seconds: replaces a consumer that stopped consuming, gives up after giveUpAfterMs. */
  private check(): void {
    if (!this.running || this.restarting) return;
    const now = Date.now();
    const batchSince = this.collector?.inFlightSince;
    if (batchSince !== undefined) {
      // A batch in flight: stuck only if neither it nor the pipeline (retries included) moved lately.
      const lastMove = Math.max(batchSince, this.lastProgressAt, this.options.pipeline.lastActivityAt);
      if (now - lastMove > this.stallTimeoutMs)
        void this.restart(`a batch made no progress for ${now - lastMove} ms`);
    } else if (this.notConsumingSince !== undefined && now - this.notConsumingSince > this.stallTimeoutMs) {
      void this.restart(`not consuming for ${now - this.notConsumingSince} ms (${this.notConsumingReason})`);
    } else if (this.lastFetchAt !== undefined && now - this.lastFetchAt > this.stallTimeoutMs) {
      this.markNotConsuming(`no fetch for ${now - this.lastFetchAt} ms`);
      void this.restart(`no fetch for ${now - this.lastFetchAt} ms`);
    }
    void this.checkGiveUp(now);
  }

  /** Gives up once it has not been consuming for giveUpAfterMs of a broker that answers. */
  private async checkGiveUp(now: number): Promise<void> {
    if (this.notConsumingSince === undefined) {
      this.brokerAnsweringSince = undefined;
      return;
    }
    if (this.gaveUp || this.checkingBroker) return;
    this.checkingBroker = true;
    try {
      if (!(await this.brokerAnswers())) {
        this.brokerAnsweringSince = undefined;
        return;
      }
      this.brokerAnsweringSince ??= now;
      const stuckFor = now - Math.max(this.notConsumingSince, this.brokerAnsweringSince);
      if (stuckFor > this.giveUpAfterMs) {
        this.gaveUp = true;
        const reason = `consumer of ${this.groupId} not consuming for ${Math.round(stuckFor / 1000)} s while the broker answers: ${this.notConsumingReason}`;
        this.options.logger.error({ reason }, 'consumer: giving up');
        this.options.onGiveUp?.(reason);
      }
    } finally {
      this.checkingBroker = false;
    }
  }

  private async brokerAnswers(): Promise<boolean> {
    const admin = this.options.kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return true;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private restart(reason: string): Promise<void> {
    if (this.restarting || !this.running) return this.restarting ?? Promise.resolve();
    this.restarts += 1;
    this.markNotConsuming(reason);
    this.options.observer?.onRestart?.(reason);
    const backoffMs = Math.min(30_000, 500 * 2 ** Math.min(this.restarts - 1, 6));
    this.options.logger.warn(
      { reason, attempt: this.restarts, backoffMs },
      'consumer: replacing it with a new one',
    );
    this.restarting = (async () => {
      await this.stopConsumer(10_000);
      await new Promise((resolve) => setTimeout(resolve, backoffMs).unref());
      if (!this.running) return;
      this.lastFetchAt = undefined;
      await this.startConsumer().catch((error: unknown) => {
        this.options.logger.warn({ err: describeError(error) }, 'consumer: start failed; will try again');
      });
    })().finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }

  private async stopConsumer(timeoutMs: number): Promise<void> {
    const consumer = this.consumer;
    const collector = this.collector;
    this.consumer = undefined;
    this.collector = undefined;
    this.setMember(false);
    if (!consumer) return;
    try {
      consumer.pause(this.options.pipeline.topics.map((topic) => ({ topic })));
    } catch {
      // not running (crashed): nothing to pause
    }
    await collector?.drain(timeoutMs);
    // A stuck consumer may never finish disconnecting; it is dropped either way.
    await Promise.race([
      consumer.disconnect().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }

  private setMember(member: boolean): void {
    if (this.member === member) return;
    this.member = member;
    this.options.observer?.onMembership?.(member);
    if (!member) this.markNotConsuming('not a member of its group');
  }

  private markNotConsuming(reason: string): void {
    this.notConsumingReason = reason;
    this.notConsumingSince ??= Date.now();
  }
}
