import { setTimeout as delay } from 'node:timers/promises';
import { orderRequest } from '../support/platform-api';
import { FINAL_EVENT_TYPES, type FinalStateWatcher } from './final-state-watcher';
import type { HopWatcher } from './hop-watcher';
import type { OrderPoster } from './order-poster';
import { percentiles } from './percentiles';
import type { HopFigures } from './saga-hops';

export interface LoadOptions {
  post: OrderPoster;
  /** Who places the orders, in turn (see loadCustomers). */
  customers: string[];
  sku: string;
  ratePerSecond: number;
  durationSeconds: number;
  concurrency: number;
  settleTimeoutSeconds: number;
  /** Splits POST→final into hops (--hops). */
  hopWatcher?: HopWatcher;
}

export interface LoadResult {
  offeredPerSecond: number;
  orders: {
    accepted: number;
    settled: number;
    confirmed: number;
    cancelled: number;
    unsettled: number;
    skippedAtConcurrencyLimit: number;
    failedRequests: number;
  };
  /** Accepted orders per second while the load ran. */
  acceptedPerSecond: number;
  /** Settled orders per second, from the first POST to the last order settling. */
  settledPerSecond: number;
  postToFinalMs: Record<string, number>;
  postResponseMs: Record<string, number>;
  /** From the first POST to the last order settling (or the settle timeout). */
  seconds: number;
  /** POST→final split into hops (--hops). */
  hops?: HopFigures[];
}

/**
 * Offers orders at a fixed rate (open loop: an order is due every 1/R s whatever the answers do,
 * unless `concurrency` requests are already in flight), then waits for every accepted order to
 * reach a final state. Latency is POST sent → final event seen by the watcher.
 */
export async function runOrderLoad(watcher: FinalStateWatcher, options: LoadOptions): Promise<LoadResult> {
  const {
    post,
    customers,
    sku,
    ratePerSecond,
    durationSeconds,
    concurrency,
    settleTimeoutSeconds,
    hopWatcher,
  } = options;
  const sentAt = new Map<string, number>();
  const sentAtWallMs = new Map<string, number>();
  const postLatencies: number[] = [];
  let inFlight = 0;
  let skipped = 0;
  let failed = 0;
  const total = Math.round(ratePerSecond * durationSeconds);
  const requests: Promise<void>[] = [];
  const firstSend = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = firstSend + (i * 1000) / ratePerSecond - performance.now();
    if (wait > 0) await delay(wait);
    if (inFlight >= concurrency) {
      skipped += 1;
      continue;
    }
    inFlight += 1;
    const started = performance.now();
    const startedWallMs = Date.now();
    requests.push(
      post(orderRequest(sku, { customerId: customers[i % customers.length]! }))
        .then(({ status, orderId }) => {
          if (status !== 202 || !orderId) throw new Error(String(status));
          sentAt.set(orderId, started);
          sentAtWallMs.set(orderId, startedWallMs);
          postLatencies.push(performance.now() - started);
        })
        .catch(() => void (failed += 1))
        .finally(() => void (inFlight -= 1)),
    );
  }
  await Promise.all(requests);
  const loadSeconds = (performance.now() - firstSend) / 1000;
  const settledOf = () => [...sentAt.keys()].filter((orderId) => watcher.finals.has(orderId));
  const deadline = performance.now() + settleTimeoutSeconds * 1000;
  while (settledOf().length < sentAt.size && performance.now() < deadline) await delay(50);

  const settled = settledOf().map((orderId) => ({ orderId, ...watcher.finals.get(orderId)! }));
  const lastSettled = settled.length ? Math.max(...settled.map((s) => s.at)) : performance.now();
  const seconds = (lastSettled - firstSend) / 1000;
  if (hopWatcher) {
    // It fetches in slow batches: wait (with a deadline) until it has read every settled order's end.
    const hopsDeadline = performance.now() + 15_000;
    const unread = () => settled.some((s) => !hopWatcher.hops.has(s.orderId, FINAL_EVENT_TYPES));
    while (unread() && performance.now() < hopsDeadline) await delay(100);
  }
  return {
    offeredPerSecond: round((sentAt.size + failed + skipped) / loadSeconds),
    orders: {
      accepted: sentAt.size,
      settled: settled.length,
      confirmed: settled.filter((s) => s.status === 'CONFIRMED').length,
      cancelled: settled.filter((s) => s.status === 'CANCELLED').length,
      unsettled: sentAt.size - settled.length,
      skippedAtConcurrencyLimit: skipped,
      failedRequests: failed,
    },
    acceptedPerSecond: round(sentAt.size / loadSeconds),
    settledPerSecond: round(settled.length / seconds),
    postToFinalMs: roundAll(
      percentiles(
        settled.map((s) => s.at - sentAt.get(s.orderId)!),
        [50, 90, 95, 99],
      ),
    ),
    postResponseMs: roundAll(percentiles(postLatencies, [50, 90, 95, 99])),
    seconds: round(seconds),
    ...(hopWatcher
      ? {
          hops: hopWatcher.hops.summarise(
            sentAtWallMs,
            new Map(settled.map((s) => [s.orderId, s.wallMs])),
            FINAL_EVENT_TYPES,
          ),
        }
      : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function roundAll(figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)]));
}
