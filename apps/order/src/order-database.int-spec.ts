import path from 'node:path';
import { assertSchemaMatchesDatabase } from '@platform/database';
import { Pool } from 'pg';
import { Transactions } from '@platform/messaging-nest';
import type { ThrowawayDatabase } from '@platform/testing';
import { DeadlineSettings } from './expire-orders/deadline-settings';
import { requestFingerprint } from './domain';
import { IdempotencyKeys } from './idempotency-keys';
import { OrderRepository } from './order.repository';
import { OrderPlacement } from './place-order/order-placement';
import { IdempotencyConflictError, PlaceOrderHandler } from './place-order/place-order.handler';
import type { PlaceOrderRequest } from './place-order/place-order.request';
import { PrismaService } from './prisma.service';
import { createOrderTestDatabase } from './testing/order-test-database';

let database: ThrowawayDatabase;
let pool: Pool;
let prisma: PrismaService;
let placeOrder: PlaceOrderHandler;

const request: PlaceOrderRequest = {
  customerId: 'alice@example.com',
  currency: 'EUR',
  paymentMethod: 'tok_visa',
  channel: 'web',
  lines: [
    { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1299 },
    { sku: 'SKU-2', quantity: 1, unitPriceMinor: 500 },
  ],
};

beforeAll(async () => {
  database = await createOrderTestDatabase('order-test');
  pool = new Pool({ connectionString: database.url });
  prisma = new PrismaService(pool);
  placeOrder = new PlaceOrderHandler(
    new OrderPlacement(new Transactions(pool), new OrderRepository(), new IdempotencyKeys()),
    new DeadlineSettings(15 * 60_000, 1_000),
  );
});

afterAll(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await database?.drop();
});

it('the migrated database and the Prisma schema agree', async () => {
  await assertSchemaMatchesDatabase({
    prismaSchemaPath: path.resolve(__dirname, '..', 'prisma', 'schema.prisma'),
    databaseUrl: database.url,
    ignoreTables: ['outbox_messages', 'processed_events'],
  });
});

it('places an order and its OrderPlaced event in one transaction', async () => {
  const placed = await placeOrder.execute(request, { correlationId: 'corr-1' });

  const order = await prisma.order.findUniqueOrThrow({
    where: { orderId: placed.orderId },
    include: { lines: true },
  });
  expect(order).toMatchObject({
    status: 'PENDING',
    totalMinor: 3098n,
    currency: 'EUR',
    correlationId: 'corr-1',
  });
  expect(order.lines).toHaveLength(2);
  const outbox = await prisma.$queryRaw<
    { topic: string; message_key: string; payload: { total: unknown; envelope: { correlationId: string } } }[]
  >`
    SELECT topic, message_key, payload FROM outbox_messages WHERE message_key = ${placed.orderId}`;
  expect(outbox).toEqual([
    expect.objectContaining({ topic: 'orders.order-placed', message_key: placed.orderId }),
  ]);
  expect(outbox[0]!.payload.total).toEqual({ amountMinor: 3098, currency: 'EUR' });
  expect(outbox[0]!.payload.envelope.correlationId).toBe('corr-1');
});

it('replays a request with the same Idempotency-Key and refuses the key with another body', async () => {
  const first = await placeOrder.execute(request, { correlationId: 'corr-2', idempotencyKey: 'key-1' });
  const again = await placeOrder.execute(request, { correlationId: 'corr-3', idempotencyKey: 'key-1' });

  expect(again).toEqual({ ...first, replayed: true });
  await expect(
    placeOrder.execute({ ...request, currency: 'USD' }, { correlationId: 'corr-4', idempotencyKey: 'key-1' }),
  ).rejects.toBeInstanceOf(IdempotencyConflictError);
  expect(await prisma.order.count({ where: { correlationId: { in: ['corr-2', 'corr-3', 'corr-4'] } } })).toBe(
    1,
  );
});

it('replays a request retried across the upgrade that added `channel`: the default changes no fingerprint', async () => {
  const { channel: _channel, ...beforeChannel } = request;
  // A key stored before the upgrade holds the fingerprint of a body without `channel`.
  const placed = await placeOrder.execute(
    { ...request, channel: 'api' },
    { correlationId: 'corr-5', idempotencyKey: 'key-upgrade' },
  );
  const stored = await prisma.idempotencyKey.findUniqueOrThrow({ where: { idempotencyKey: 'key-upgrade' } });
  expect(stored.requestFingerprint).toBe(requestFingerprint(beforeChannel));

  const retried = await placeOrder.execute(
    { ...request, channel: 'api' },
    { correlationId: 'corr-6', idempotencyKey: 'key-upgrade' },
  );
  expect(retried).toEqual({ ...placed, replayed: true });
  await expect(
    placeOrder.execute(
      { ...request, channel: 'mobile' },
      { correlationId: 'corr-7', idempotencyKey: 'key-upgrade' },
    ),
  ).rejects.toBeInstanceOf(IdempotencyConflictError);
});

it('gives racing requests with one Idempotency-Key a single order', async () => {
  const results = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      placeOrder.execute(request, { correlationId: `race-${i}`, idempotencyKey: 'key-race' }),
    ),
  );
  expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
  expect(results.filter((r) => !r.replayed)).toHaveLength(1);
});
