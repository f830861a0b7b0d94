import type { EventEnvelope } from '@platform/contracts';
import type { Pool } from 'pg';
import type { AvroCodec } from '../codec/avro-codec';
import { inTransaction, type Transaction } from '../database/transaction';
import type { OutboxWakeup } from '../outbox/outbox';
import type { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { InvalidEventError, RetriesExhaustedError, UnprocessableEventError, describeError } from '../errors';
import type { Logger } from '../logger';
import { failureKind, type FailureKind } from './failure-kind';
import type { IncomingMessage } from './incoming-message';
import { claimEvents, releaseClaims } from './inbox';
import {
  DEFAULT_RETRY_POLICY,
  RetryAbandonedError,
  retryUntilSettled,
  type RetryPolicy,
} from './retry-policy';
import { unstorableTextPath } from './unstorable-text';

/** Applies one event inside the batch's transaction; what it enqueues on `tx` is published after the commit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own event type
export type EventHandler<E = any> = (event: E, tx: Transaction, message: IncomingMessage) => Promise<unknown>;

export interface EventRoute {
  topic: string;
  /** The only event type this topic may carry; anything else is dead-lettered as invalid. */
  eventType: string;
  handle: EventHandler;
}

export type EventOutcome = 'processed' | 'duplicate' | 'dead-lettered';

export interface PipelineObserver {
  onOutcome?(outcome: EventOutcome, topic: string, eventType: string, durationMs: number): void;
  /** One per committed transaction: how many events it applied (duplicates included) and how long it took. */
  onTransaction?(events: number, durationMs: number): void;
}

export interface BatchControl {
  /** False once the consumer is stopping or lost the partitions: retries end without a verdict. */
  shouldContinue(): boolean;
}

export interface EventPipelineOptions {
  pool: Pool;
  codec: AvroCodec;
  consumerGroup: string;
  routes: EventRoute[];
  deadLetters: DeadLetterPublisher;
  logger: Logger;
  retry?: RetryPolicy;
  /** The app's own refusals (its DomainError): dead-lettered at once, as UNPROCESSABLE_EVENT. */
  isPermanent?: (error: unknown) => boolean;
  observer?: PipelineObserver;
  /**
   * For handlers with effects outside the database (sending mail): each event gets a savepoint, so
   * when one fails the events before it are committed as they are instead of being run again
   * (which would repeat their effects). One more round trip per event.
   */
  savepointPerEvent?: boolean;
  /** The local outbox relay, woken after each commit instead of a NOTIFY (see OutboxWakeup). */
  outboxWakeup?: OutboxWakeup;
}

interface DecodedEvent {
  message: IncomingMessage;
  route: EventRoute;
  event: { envelope: EventEnvelope };
}

/** A handler threw: which event of the transaction it was, and what it threw. */
class HandlerFailure extends Error {
  constructor(
    readonly index: number,
    readonly error: unknown,
    /** True when the events before it were committed (rolled back to its savepoint), false when all was rolled back. */
    readonly beforeCommitted = false,
  ) {
    super(describeError(error), { cause: error });
  }
}

const KEEP_GOING: BatchControl = { shouldContinue: () => true };

/**
 * Everything between a batch of Kafka records and their committed effects, without Kafka or Nest.
 *
 * The batch is decoded, then applied in ONE transaction: one INSERT claims every event id in the
 * inbox (processed_events), the handlers run in order on the same connection (so per-key order
 * holds and each sees what the ones before it wrote), and one INSERT puts every event they enqueued
 * into the outbox. When `process` resolves, every record is done with (applied, a duplicate, or in
 * the dead-letter topic) and the caller may commit the offsets; when it rejects, it must not.
 *
 * A failing handler rolls the whole transaction back, so the batch is split around it: the events
 * before it are applied again as a batch, it is retried alone (or dead-lettered at once if it can
 * never succeed), then the events after it go on as a batch. An outage of PostgreSQL is not a
 * failure of any event: the whole batch waits for it and is never dead-lettered.
 */
export class EventPipeline {
  private readonly routes: Map<string, EventRoute>;
  private readonly retry: RetryPolicy;
  private activityAt = Date.now();

  constructor(private readonly options: EventPipelineOptions) {
    this.routes = new Map(options.routes.map((route) => [route.topic, route]));
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  get consumerGroup(): string {
    return this.options.consumerGroup;
  }

  get topics(): string[] {
    return [...this.routes.keys()];
  }

  /** When the pipeline last did something (an attempt, a handler): a batch stuck without it is stuck for good. */
  get lastActivityAt(): number {
    return this.activityAt;
  }

  async process(messages: IncomingMessage[], control: BatchControl = KEEP_GOING): Promise<void> {
    const decoded: DecodedEvent[] = [];
    for (const message of messages) {
      const result = await this.decode(message, control);
      if (result) decoded.push(result);
    }
    await this.applyAll(decoded, control);
  }

  private kindOf = (error: unknown): FailureKind =>
    failureKind(error instanceof HandlerFailure ? error.error : error, this.options.isPermanent);

  /** The decoded event, or undefined once a record that can never be decoded is in the dead-letter topic. */
  private async decode(message: IncomingMessage, control: BatchControl): Promise<DecodedEvent | undefined> {
    const route = this.routes.get(message.topic);
    const where = { topic: message.topic, partition: message.partition, offset: message.offset };
    try {
      if (!route) throw new InvalidEventError(`No handler for topic ${message.topic}`);
      this.activityAt = Date.now();
      const event = await retryUntilSettled(this.retry, () => this.decodeAs(message, route), {
        kindOf: this.kindOf,
        onFailedAttempt: (error, attempt, kind) =>
          this.options.logger.warn({ ...where, attempt, kind, err: describeError(error) }, 'decoding failed'),
        shouldContinue: control.shouldContinue,
      });
      return { message, route, event };
    } catch (error) {
      if (error instanceof RetryAbandonedError) throw error;
      await this.deadLetter(message, route?.eventType ?? 'unknown', error, control, performance.now());
      return undefined;
    }
  }

  private async decodeAs(message: IncomingMessage, route: EventRoute): Promise<{ envelope: EventEnvelope }> {
    const event = await this.options.codec.decode<{ envelope?: EventEnvelope }>(
      message.value,
      `${message.topic}-value`,
    );
    const envelope = event?.envelope;
    if (!envelope?.eventId) throw new InvalidEventError('Event has no envelope or no eventId');
    if (envelope.eventType !== route.eventType) {
      throw new InvalidEventError(
        `Topic ${message.topic} carries ${route.eventType} events, but this one says ${envelope.eventType}`,
      );
    }
    const unstorable = unstorableTextPath(event);
    if (unstorable) {
      throw new InvalidEventError(`${unstorable} contains a NUL character, which PostgreSQL cannot store`);
    }
    return event as { envelope: EventEnvelope };
  }

  /** Applies the events in order, splitting around any that fail; each ends applied, a duplicate or dead-lettered. */
  private async applyAll(events: DecodedEvent[], control: BatchControl): Promise<void> {
    let rest = events;
    while (rest.length > 0) {
      const failure = await this.applyAsOneTransaction(rest, control);
      if (!failure) return;
      if (failure.index > 0 && !failure.beforeCommitted)
        await this.applyAll(rest.slice(0, failure.index), control);
      await this.applyAlone(rest[failure.index]!, failure.error, control);
      rest = rest.slice(failure.index + 1);
    }
  }

  /**
   * One transaction for all the events, retried as a whole while PostgreSQL is unreachable. Returns
   * the failure of a handler (for the caller to split around), or undefined once committed. A failure
   * that names no handler and does not pass (say, the outbox refusing what a handler enqueued) is
   * narrowed down by halving the batch.
   */
  private async applyAsOneTransaction(
    events: DecodedEvent[],
    control: BatchControl,
  ): Promise<HandlerFailure | undefined> {
    try {
      await retryUntilSettled(this.retry, () => this.transaction(events, this.options.savepointPerEvent), {
        // A handler's failure is for applyAll to isolate, unless it only says the database is down.
        kindOf: (error) =>
          error instanceof HandlerFailure && this.kindOf(error) !== 'unavailable'
            ? 'permanent'
            : this.kindOf(error),
        onFailedAttempt: (error, attempt, kind) => {
          if (error instanceof HandlerFailure && kind === 'permanent') return;
          this.options.logger.warn(
            { events: events.length, attempt, kind, err: describeError(error) },
            kind === 'unavailable'
              ? 'database unavailable; batch waits'
              : 'batch transaction failed; retrying',
          );
        },
        shouldContinue: control.shouldContinue,
      });
      return undefined;
    } catch (error) {
      if (error instanceof HandlerFailure) return error;
      if (error instanceof RetryAbandonedError) throw error;
      if (events.length === 1) {
        await this.applyAlone(events[0]!, error, control);
        return undefined;
      }
      const half = Math.ceil(events.length / 2);
      await this.applyAll(events.slice(0, half), control);
      await this.applyAll(events.slice(half), control);
      return undefined;
    }
  }

  /** One event on its own, after it failed once in a batch: retried while that can help, else dead-lettered. */
  private async applyAlone(event: DecodedEvent, firstError: unknown, control: BatchControl): Promise<void> {
    const started = performance.now();
    const cause = firstError instanceof HandlerFailure ? firstError.error : firstError;
    this.logAttempt(event, cause, 1, this.kindOf(cause));
    try {
      if (this.kindOf(cause) === 'permanent') throw cause;
      await retryUntilSettled(
        this.retry,
        () => this.transaction([event]),
        {
          kindOf: this.kindOf,
          onFailedAttempt: (error, attempt, kind) =>
            this.logAttempt(event, error instanceof HandlerFailure ? error.error : error, attempt, kind),
          shouldContinue: control.shouldContinue,
        },
        1,
      );
    } catch (error) {
      if (error instanceof RetryAbandonedError) throw error;
      const reason = error instanceof HandlerFailure ? error.error : error;
      await this.deadLetter(
        event.message,
        event.route.eventType,
        this.asDeadLetterReason(reason),
        control,
        started,
      );
    }
  }

  /**
   * Inbox claim, handlers in order, outbox, commit; reports each event's outcome once committed.
   * Throws HandlerFailure when a handler throws. With savepoints, a failure after the first event
   * rolls back to that event's savepoint, gives back the inbox claims of the events not applied,
   * commits the rest, and then throws (with `beforeCommitted`).
   */
  private async transaction(events: DecodedEvent[], savepoints = false): Promise<void> {
    const started = performance.now();
    this.activityAt = Date.now();
    const outcomes: EventOutcome[] = [];
    let failure: HandlerFailure | undefined;
    await inTransaction(
      this.options.pool,
      async (tx) => {
        const claimed = await claimEvents(
          tx,
          this.options.consumerGroup,
          events.map(({ message, event }) => ({ topic: message.topic, envelope: event.envelope })),
        );
        for (const [index, { event, route, message }] of events.entries()) {
          // delete: an id that comes twice in one batch is applied the first time only.
          if (!claimed.delete(event.envelope.eventId)) {
            outcomes.push('duplicate');
            continue;
          }
          const savepoint = savepoints && index > 0 ? await tx.savepoint('event') : undefined;
          this.activityAt = Date.now();
          try {
            await route.handle(event, tx, message);
          } catch (error) {
            if (!savepoint || this.kindOf(error) === 'unavailable') throw new HandlerFailure(index, error);
            await savepoint.rollback();
            await releaseClaims(tx, this.options.consumerGroup, [event.envelope.eventId, ...claimed]);
            failure = new HandlerFailure(index, error, true);
            return;
          }
          outcomes.push('processed');
        }
      },
      {
        wakeup: this.options.outboxWakeup,
        recordKeys: events.flatMap(({ message }) => (message.key ? [message.key.toString()] : [])),
      },
    );
    const durationMs = performance.now() - started;
    this.options.observer?.onTransaction?.(outcomes.length, durationMs);
    outcomes.forEach((outcome, index) => {
      const { message, event } = events[index]!;
      this.options.logger.debug(
        { ...this.contextOf({ message, event }), outcome },
        outcome === 'processed' ? 'event processed' : 'duplicate event ignored',
      );
      this.options.observer?.onOutcome?.(outcome, message.topic, event.envelope.eventType, durationMs);
    });
    if (failure) throw failure;
  }

  /** Into the dead-letter topic, however long Kafka takes to come back: only then may the offset move on. */
  private async deadLetter(
    message: IncomingMessage,
    eventType: string,
    reason: unknown,
    control: BatchControl,
    started: number,
  ): Promise<void> {
    await retryUntilSettled(
      this.retry,
      () => ((this.activityAt = Date.now()), this.options.deadLetters.publish(message, reason)),
      {
        kindOf: () => 'unavailable',
        onFailedAttempt: (error, attempt) =>
          this.options.logger.warn(
            { topic: message.topic, offset: message.offset, attempt, err: describeError(error) },
            'dead-letter topic unreachable; waiting',
          ),
        shouldContinue: control.shouldContinue,
      },
    );
    this.options.logger.error(
      {
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        eventType,
        err: describeError(reason),
        code: (reason as { code?: string }).code,
      },
      'message dead-lettered',
    );
    this.options.observer?.onOutcome?.(
      'dead-lettered',
      message.topic,
      eventType,
      performance.now() - started,
    );
  }

  /** The app's refusals and PostgreSQL's data errors read as UNPROCESSABLE_EVENT in the dead-letter headers. */
  private asDeadLetterReason(error: unknown): unknown {
    if (error instanceof RetriesExhaustedError || error instanceof InvalidEventError) return error;
    if (error instanceof UnprocessableEventError) return error;
    if (this.kindOf(error) !== 'permanent') return error;
    const code = (error as { code?: unknown }).code;
    return new UnprocessableEventError(
      `${typeof code === 'string' ? `${code}: ` : ''}${describeError(error)}`,
      {
        cause: error,
      },
    );
  }

  private logAttempt(event: DecodedEvent, error: unknown, attempt: number, kind: FailureKind): void {
    this.options.logger.warn(
      {
        ...this.contextOf(event),
        attempt,
        maxAttempts: this.retry.maxAttempts,
        kind,
        err: describeError(error),
      },
      kind === 'permanent'
        ? 'handler failed permanently'
        : kind === 'unavailable'
          ? 'database unavailable; event waits'
          : 'handler failed; retrying',
    );
  }

  private contextOf({ message, event }: Pick<DecodedEvent, 'message' | 'event'>) {
    return {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      eventId: event.envelope.eventId,
      correlationId: event.envelope.correlationId,
      eventType: event.envelope.eventType,
    };
  }
}
