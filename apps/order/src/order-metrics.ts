import { Inject, Injectable } from '@nestjs/common';
import { DATABASE_POOL } from '@platform/messaging-nest';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, register } from 'prom-client';
import type { Order } from './domain';
import { OrderRepository } from './order.repository';

function metric<T>(name: string, create: () => T): T {
  // Tests build several Nest apps in one process; prom-client's registry is global.
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

let pastDeadlineSource: (() => Promise<number>) | undefined;

/** How the saga ends: how long orders take to settle, how many time out, how many are overdue. */
@Injectable()
export class OrderMetrics {
  readonly timeToFinalState = metric(
    'order_time_to_final_state_seconds',
    () =>
      new Histogram({
        name: 'order_time_to_final_state_seconds',
        help: 'From placement to CONFIRMED or CANCELLED, by final status and cancellation reason',
        labelNames: ['status', 'reason'],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      }),
  );
  readonly timedOut = metric(
    'orders_timed_out_total',
    () =>
      new Counter({
        name: 'orders_timed_out_total',
        help: 'Orders cancelled as TIMED_OUT by the deadline sweep',
      }),
  );
  readonly pastDeadline = metric(
    'orders_past_deadline',
    () =>
      new Gauge({
        name: 'orders_past_deadline',
        help: 'Orders still PENDING after their deadline: the sweep has not reached them yet (should stay near 0)',
        // Read at scrape time, so the figure is never older than the scrape.
        async collect() {
          if (pastDeadlineSource) this.set(await pastDeadlineSource());
        },
      }),
  );

  constructor(@Inject(DATABASE_POOL) pool: Pool, orders: OrderRepository) {
    pastDeadlineSource = () => orders.countPastDeadline(pool, new Date());
  }

  /** Call when an order has just become final. */
  settled(order: Order, now: Date): void {
    if (order.status === 'PENDING') return;
    const reason = order.status === 'CANCELLED' ? order.reason : '';
    this.timeToFinalState.observe(
      { status: order.status, reason },
      Math.max(0, now.getTime() - order.placedAt.getTime()) / 1000,
    );
    if (reason === 'TIMED_OUT') this.timedOut.inc();
  }
}
