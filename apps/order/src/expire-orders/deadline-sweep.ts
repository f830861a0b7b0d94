import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Transactions } from '@platform/messaging-nest';
import { decideAndApply } from '../domain';
import { OrderMetrics } from '../order-metrics';
import { OrderRepository } from '../order.repository';
import { toOutgoingEvents } from '../published-events';
import { DeadlineSettings } from './deadline-settings';

/** Orders cancelled per transaction; a backlog after an outage is worked off in several. */
const BATCH = 100;

/**
 * Cancels PENDING orders past their deadline as TIMED_OUT. Durable: the deadline is a column of the
 * order, not a timer, so it survives restarts and is caught up at start. Once: the claim, the
 * cancellation, its history entry and OrderCancelled in the outbox commit in one transaction under
 * row locks taken with SKIP LOCKED, so instances sweeping the same database never cancel one order
 * twice, and a consumer applying a reply to the order at that moment either settles it first (the
 * sweep then finds it final) or waits and finds it cancelled (and compensates the reply).
 */
@Injectable()
export class DeadlineSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweep.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrderRepository,
    private readonly metrics: OrderMetrics,
    @Inject(DeadlineSettings) private readonly settings: DeadlineSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Before the database pools close: a sweep in flight commits or rolls back, none starts. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Cancels every order due at `now`, in batches; returns how many it cancelled. */
  async sweep(now = new Date()): Promise<number> {
    let cancelled = 0;
    for (;;) {
      const batch = await this.transactions.run(async (tx) => {
        const due = await this.orders.claimPastDeadline(tx, now, BATCH);
        let expired = 0;
        for (const { orderId, placed } of due) {
          const state = await this.orders.loadForUpdate(tx, orderId);
          const { state: next, events } = decideAndApply({ type: 'ExpireOrder', orderId, now }, state);
          if (events.length === 0 || !next) continue;
          // Caused by the OrderPlaced whose deadline passed: the trace shows where the cancellation came from.
          const outgoing = toOutgoingEvents(events, { cause: placed, now: () => now });
          await this.orders.update(
            tx,
            next,
            outgoing.map((o) => o.event.envelope),
          );
          tx.enqueue(...outgoing);
          this.metrics.settled(next, now);
          expired += 1;
        }
        return { claimed: due.length, expired };
      });
      cancelled += batch.expired;
      if (batch.claimed < BATCH || this.stopped) return cancelled;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then((cancelled) => {
          if (cancelled > 0)
            this.logger.log(`cancelled ${cancelled} order(s) past their deadline as TIMED_OUT`);
        })
        // The database may be down for a while: say so and try again at the next tick.
        .catch((error: unknown) => this.logger.warn(`deadline sweep failed, will retry: ${String(error)}`))
        .finally(() => this.schedule(this.settings.sweepIntervalMs));
    }, delayMs);
  }
}
