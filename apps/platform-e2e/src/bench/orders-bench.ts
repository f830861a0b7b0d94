/**
 * `npm run bench:orders -- --rate R --duration S --concurrency C [--json]`: a load script, not a
 * test. Against a running platform (npm start), it places orders at R per second for S seconds
 * with at most C requests in flight, and measures, per order, the time from sending POST /orders
 * to seeing its OrderConfirmed or OrderCancelled on Kafka. Prints throughput and percentiles.
 */
import { parseArgs } from 'node:util';
import { uniqueName } from '@platform/testing';
import { http, orderRequest, setStock } from '../support/platform-api';
import { SagaObserver } from '../support/saga-observer';
import { percentiles } from './percentiles';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const rate = positive('rate', values.rate);
const duration = positive('duration', values.duration);
const concurrency = positive('concurrency', values.concurrency);

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number (got ${raw})`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const ready = await http('order', '/health/ready').catch(() => undefined);
  if (ready?.status !== 200)
    throw new Error('the order service is not ready on its port; start the platform with `npm start` first');
  const sku = uniqueName('BENCH').toUpperCase();
  await setStock(sku, Math.ceil(rate * duration * 2));
  const observer = await SagaObserver.start();

  const sentAt = new Map<string, number>();
  const settled = new Map<string, { latencyMs: number; status: string; at: number }>();
  observer.onEvent((event) => {
    const started = sentAt.get(event.event.orderId);
    if (started === undefined || settled.has(event.event.orderId)) return;
    if (event.eventType === 'OrderConfirmed' || event.eventType === 'OrderCancelled') {
      const now = performance.now();
      settled.set(event.event.orderId, { latencyMs: now - started, status: event.eventType, at: now });
    }
  });

  const postLatencies: number[] = [];
  let inFlight = 0;
  let skipped = 0;
  let failed = 0;
  const firstSend = performance.now();
  const total = Math.round(rate * duration);
  const sends: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = firstSend + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= concurrency) {
      skipped += 1;
      continue;
    }
    inFlight += 1;
    const started = performance.now();
    sends.push(
      http<{ orderId: string }>('order', '/orders', { method: 'POST', body: orderRequest(sku) })
        .then(({ status, body }) => {
          if (status !== 202) throw new Error(String(status));
          sentAt.set(body.orderId, started);
          postLatencies.push(performance.now() - started);
        })
        .catch(() => void (failed += 1))
        .finally(() => void (inFlight -= 1)),
    );
  }
  await Promise.all(sends);
  const deadline = performance.now() + 120_000;
  while (settled.size < sentAt.size && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await observer.stop();

  const results = [...settled.values()];
  const lastSettled = Math.max(...results.map((r) => r.at));
  const report = {
    target: { ratePerSecond: rate, durationSeconds: duration, concurrency },
    orders: {
      accepted: sentAt.size,
      settled: results.length,
      confirmed: results.filter((r) => r.status === 'OrderConfirmed').length,
      cancelled: results.filter((r) => r.status === 'OrderCancelled').length,
      unsettledAfter120s: sentAt.size - results.length,
      skippedAtConcurrencyLimit: skipped,
      failedRequests: failed,
    },
    settledPerSecond: results.length / ((lastSettled - firstSend) / 1000),
    postToFinalMs: round(percentiles(results.map((r) => r.latencyMs))),
    postResponseMs: round(percentiles(postLatencies)),
  };
  if (values.json) {
    console.log(JSON.stringify(report));
    return;
  }
  console.log(
    `orders: ${report.orders.accepted} accepted, ${report.orders.settled} settled ` +
      `(${report.orders.confirmed} confirmed, ${report.orders.cancelled} cancelled), ` +
      `${skipped} skipped at the concurrency limit, ${failed} failed`,
  );
  console.log(
    `throughput: ${report.settledPerSecond.toFixed(1)} orders/s reaching a final state (target ${rate}/s)`,
  );
  console.log(`POST to final state (ms): ${format(report.postToFinalMs)}`);
  console.log(`POST response (ms):       ${format(report.postResponseMs)}`);
}

function round(figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

function format(figures: Record<string, number>): string {
  return Object.entries(figures)
    .map(([k, v]) => `${k} ${v}`)
    .join('  ');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
