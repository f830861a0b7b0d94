import { Transactions } from '@platform/messaging-nest';
import type { ThrowawayDatabase } from '@platform/testing';
import { Pool } from 'pg';
import { IdempotencyKeys } from '../idempotency-keys';
import { OrderMetrics } from '../order-metrics';
import { OrderRepository } from '../order.repository';
import { OrderPlacement } from '../place-order/order-placement';
import { PlaceOrderHandler } from '../place-order/place-order.handler';
import { DeadlineSettings } from './deadline-settings';
import { DeadlineSweep } from './deadline-sweep';
import { createOrderTestDatabase } from '../testing/order-test-database';

const TIMEOUT_MS = 60_000;
let database: ThrowawayDatabase;
const pools: Pool[] = [];

function pool(): Pool {
  const created = new Pool({ connectionString: database.url, max: 4 });
  pools.push(created);
  return created;
}

/** One instance of the order service's sweep, on a pool (a process) of its own. */
function sweepInstance(): DeadlineSweep {
  const own = pool();
  const orders = new OrderRepository();
  return new DeadlineSweep(
    new Transactions(own),
    orders,
    new OrderMetrics(own, orders),
    new DeadlineSettings(TIMEOUT_MS, 1_000),
  );
}

async function placeOrders(count: number, now: Date): Promise<string[]> {
  const own = pool();
  const handler = new PlaceOrderHandler(
    new OrderPlacement(new Transactions(own), new OrderRepository(), new IdempotencyKeys()),
    new DeadlineSettings(TIMEOUT_MS, 1_000),
  );
  const placed = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      handler.execute(
        {
          customerId: `customer-${i}@example.com`,
          currency: 'EUR',
          paymentMethod: 'tok_visa',
          channel: 'api',
          lines: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 1000 }],
        },
        { correlationId: `corr-${i}`, now },
      ),
    ),
  );
  return placed.map((p) => p.orderId);
}

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await pools[0]!.query(text, values)).rows as T[];
}

beforeAll(async () => {
  database = await createOrderTestDatabase('order-deadlines-test');
  pool();
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await database?.drop();
});

it('three instances sweeping at once cancel each order past its deadline exactly once, and leave the others', async () => {
  const placedAt = new Date('2030-01-01T10:00:00.000Z');
  const due = await placeOrders(250, placedAt);
  const notYet = await placeOrders(5, new Date(placedAt.getTime() + 5 * TIMEOUT_MS));
  const sweepTime = new Date(placedAt.getTime() + TIMEOUT_MS + 1);

  const cancelled = await Promise.all(
    [sweepInstance(), sweepInstance(), sweepInstance()].map((s) => s.sweep(sweepTime)),
  );

  expect(cancelled.reduce((a, b) => a + b, 0)).toBe(due.length);
  const rows = await query<{ order_id: string; status: string; cancellation_reason: string | null }>(
    'SELECT order_id, status, cancellation_reason FROM orders',
  );
  const byId = new Map(rows.map((row) => [row.order_id, row]));
  for (const orderId of due)
    expect(byId.get(orderId)).toMatchObject({ status: 'CANCELLED', cancellation_reason: 'TIMED_OUT' });
  for (const orderId of notYet) expect(byId.get(orderId)).toMatchObject({ status: 'PENDING' });
  const outbox = await query<{
    message_key: string;
    payload: { reason: string; envelope: { correlationId: string; causationId: string } };
  }>(`SELECT message_key, payload FROM outbox_messages WHERE event_type = 'OrderCancelled'`);
  expect(outbox).toHaveLength(due.length);
  expect(new Set(outbox.map((row) => row.message_key))).toEqual(new Set(due));
  expect(outbox.every((row) => row.payload.reason === 'TIMED_OUT')).toBe(true);
  expect(outbox.every((row) => row.payload.envelope.correlationId.startsWith('corr-'))).toBe(true);
  const placedIds = await query<{ order_id: string; event_id: string }>(
    `SELECT order_id, event_id FROM order_history WHERE event_type = 'OrderPlaced'`,
  );
  const placedIdOf = new Map(placedIds.map((row) => [row.order_id, row.event_id]));
  for (const row of outbox) expect(row.payload.envelope.causationId).toBe(placedIdOf.get(row.message_key));
  const history = await query<{ count: string }>(
    `SELECT count(*) AS count FROM order_history WHERE event_type = 'OrderCancelled'`,
  );
  expect(Number(history[0]!.count)).toBe(due.length);
});

it('a second sweep finds nothing more to do', async () => {
  expect(await sweepInstance().sweep(new Date('2030-01-01T10:01:00.002Z'))).toBe(0);
});

it('counts the orders still PENDING past their deadline, for the orders_past_deadline gauge', async () => {
  const orders = new OrderRepository();
  const later = new Date('2030-01-01T10:07:00.000Z');
  // The five placed five minutes later are due at 10:06.
  expect(await orders.countPastDeadline(pools[0]!, later)).toBe(5);
  await sweepInstance().sweep(later);
  expect(await orders.countPastDeadline(pools[0]!, later)).toBe(0);
});
