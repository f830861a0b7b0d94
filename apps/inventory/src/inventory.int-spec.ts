import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { envelopeFor, type OrderPlaced, type PaymentDeclined } from '@platform/contracts';
import { assertSchemaMatchesDatabase, migrate } from '@platform/database';
import {
  MESSAGING_MIGRATIONS_DIR,
  MESSAGING_MIGRATIONS_TABLE,
  inTransaction as inPgTransaction,
  processOnce,
  type Transaction,
} from '@platform/messaging';
import { costOfOneBatch } from '@platform/messaging/testing';
import { Pool } from 'pg';
import { createThrowawayDatabase, query, type ThrowawayDatabase } from '@platform/testing';
import { DomainError } from './domain';
import { PrismaClient } from './generated/prisma/client';
import { ReleaseStockHandler } from './release-stock/release-stock.handler';
import { ReservationRepository } from './reservation.repository';
import { ReserveStockHandler } from './reserve-stock/reserve-stock.handler';
import { SAMPLE_STOCK, seedSampleStock } from './sample-stock';
import { StockRepository } from './stock.repository';

/**
 * The inventory handlers against a real, migrated PostgreSQL database: what they store, what they
 * put in the outbox, and that concurrent orders never sell the same unit twice.
 */
describe('inventory against its database', () => {
  let db: ThrowawayDatabase;
  let prisma: PrismaClient;
  let pool: Pool;
  const stock = new StockRepository();
  const reservations = new ReservationRepository();
  const reserve = new ReserveStockHandler(stock, reservations);
  const release = new ReleaseStockHandler(stock, reservations);

  beforeAll(async () => {
    db = await createThrowawayDatabase('inventory');
    await migrate({
      databaseUrl: db.url,
      migrationSets: [
        { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
        { dir: path.resolve(__dirname, '..', 'migrations'), table: 'inventory_migrations' },
      ],
    });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    pool = new Pool({ connectionString: db.url, max: 20 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
  });

  // As the consumer runs a handler: one transaction, what it enqueues written to the outbox at commit.
  const inTransaction = <R>(fn: (tx: Transaction) => Promise<R>) => inPgTransaction(pool, fn);

  const setLevel = (sku: string, available: number) => stock.set(prisma, sku, available, new Date());
  const levelOf = async (sku: string) => (await stock.find(prisma, sku))?.available;
  const outboxFor = (orderId: string) =>
    query<{ event_type: string; topic: string; payload: Record<string, unknown> }>(
      db.url,
      'SELECT event_type, topic, payload FROM outbox_messages WHERE message_key = $1 ORDER BY id',
      [orderId],
    );

  function orderPlaced(lines: { sku: string; quantity: number }[], orderId = randomUUID()): OrderPlaced {
    const priced = lines.map((line) => ({ ...line, unitPrice: { amountMinor: 250, currency: 'EUR' } }));
    return {
      envelope: envelopeFor('OrderPlaced', { correlationId: randomUUID() }),
      orderId,
      customerId: 'alice@example.com',
      lines: priced,
      total: { amountMinor: priced.reduce((sum, line) => sum + line.quantity * 250, 0), currency: 'EUR' },
      paymentMethod: 'tok_chargeDeclined',
      channel: 'mobile',
    };
  }

  function paymentDeclined(orderId: string): PaymentDeclined {
    return {
      envelope: envelopeFor('PaymentDeclined', { correlationId: randomUUID() }),
      orderId,
      paymentId: randomUUID(),
      amount: { amountMinor: 500, currency: 'EUR' },
      reason: 'CARD_DECLINED',
    };
  }

  it('builds the database the Prisma schema describes', async () => {
    await expect(
      assertSchemaMatchesDatabase({
        prismaSchemaPath: path.resolve(__dirname, '..', 'prisma', 'schema.prisma'),
        databaseUrl: db.url,
        ignoreTables: ['outbox_messages', 'processed_events'],
      }),
    ).resolves.toBeUndefined();
  });

  it('loads the sample stock into an empty table once, and never over levels that exist', async () => {
    expect(await seedSampleStock(prisma)).toBe(SAMPLE_STOCK.length);
    await setLevel('SKU-1', 7);
    expect(await seedSampleStock(prisma)).toBe(0);
    expect(await seedSampleStock(prisma, [{ sku: 'SKU-NEW', available: 5 }])).toBe(0);
    expect(await levelOf('SKU-1')).toBe(7);
    expect(await levelOf('SKU-2')).toBe(100);
    expect(await levelOf('SKU-NEW')).toBeUndefined();
  });

  it('reserves every line, summing lines of one SKU, and emits StockReserved with what payment needs', async () => {
    await setLevel('BOOK-1', 5);
    await setLevel('PEN-1', 3);
    const placed = orderPlaced([
      { sku: 'BOOK-1', quantity: 2 },
      { sku: 'PEN-1', quantity: 3 },
      { sku: 'BOOK-1', quantity: 1 },
    ]);

    expect(await inTransaction((tx) => reserve.apply(tx, placed))).toBe('reserved');

    expect([await levelOf('BOOK-1'), await levelOf('PEN-1')]).toEqual([2, 0]);
    expect(await reservations.find(prisma, placed.orderId)).toMatchObject({
      status: 'HELD',
      lines: [
        { sku: 'BOOK-1', quantity: 3 },
        { sku: 'PEN-1', quantity: 3 },
      ],
      releasedAt: null,
    });
    const [event, ...others] = await outboxFor(placed.orderId);
    expect(others).toEqual([]);
    expect(event).toMatchObject({ event_type: 'StockReserved', topic: 'inventory.stock-reserved' });
    expect(event!.payload).toMatchObject({
      orderId: placed.orderId,
      customerId: placed.customerId,
      lines: placed.lines,
      total: placed.total,
      paymentMethod: placed.paymentMethod,
      envelope: {
        source: 'inventory',
        correlationId: placed.envelope.correlationId,
        causationId: placed.envelope.eventId,
      },
    });
  });

  it('rejects the whole order when one line is short, storing nothing but StockRejected', async () => {
    await setLevel('MUG-1', 4);
    await setLevel('CUP-1', 1);
    const placed = orderPlaced([
      { sku: 'MUG-1', quantity: 4 },
      { sku: 'CUP-1', quantity: 2 },
    ]);

    expect(await inTransaction((tx) => reserve.apply(tx, placed))).toBe('rejected');

    expect([await levelOf('MUG-1'), await levelOf('CUP-1')]).toEqual([4, 1]);
    expect(await reservations.find(prisma, placed.orderId)).toBeNull();
    expect(await outboxFor(placed.orderId)).toMatchObject([
      {
        event_type: 'StockRejected',
        payload: { reason: 'OUT_OF_STOCK', shortages: [{ sku: 'CUP-1', requested: 2, available: 1 }] },
      },
    ]);
  });

  it('rejects an order naming an unknown SKU as UNKNOWN_SKU', async () => {
    const placed = orderPlaced([{ sku: 'GHOST-1', quantity: 1 }]);
    expect(await inTransaction((tx) => reserve.apply(tx, placed))).toBe('rejected');
    expect(await outboxFor(placed.orderId)).toMatchObject([
      { payload: { reason: 'UNKNOWN_SKU', shortages: [{ sku: 'GHOST-1', requested: 1, available: 0 }] } },
    ]);
  });

  it('changes nothing when OrderPlaced comes again for an order that already holds stock', async () => {
    await setLevel('LAMP-1', 10);
    const placed = orderPlaced([{ sku: 'LAMP-1', quantity: 4 }]);
    await inTransaction((tx) => reserve.apply(tx, placed));
    // A new event id, so the inbox cannot recognise it: the reservation itself must.
    const again = { ...placed, envelope: envelopeFor('OrderPlaced', { correlationId: randomUUID() }) };

    expect(await inTransaction((tx) => reserve.apply(tx, again))).toBe('already-reserved');

    expect(await levelOf('LAMP-1')).toBe(6);
    expect((await outboxFor(placed.orderId)).map((row) => row.event_type)).toEqual(['StockReserved']);
  });

  it('refuses an order without lines with a DomainError, which the consumer dead-letters', async () => {
    const placed = orderPlaced([]);
    await expect(inTransaction((tx) => reserve.apply(tx, placed))).rejects.toThrow(DomainError);
    expect(await outboxFor(placed.orderId)).toEqual([]);
  });

  it('applies a redelivered OrderPlaced once through the inbox', async () => {
    await setLevel('DESK-1', 3);
    const placed = orderPlaced([{ sku: 'DESK-1', quantity: 1 }]);
    const deliver = () =>
      processOnce(pool, 'inventory-service', 'orders.order-placed', placed.envelope, async (tx) => {
        await reserve.apply(tx, placed);
      });

    expect([await deliver(), await deliver()]).toEqual(['processed', 'duplicate']);
    expect(await levelOf('DESK-1')).toBe(2);
  });

  it('sells each unit once: 50 concurrent orders for 1 of 10 units end with 10 reserved and 40 rejected', async () => {
    await setLevel('RACE-1', 10);
    const orders = Array.from({ length: 50 }, () => orderPlaced([{ sku: 'RACE-1', quantity: 1 }]));

    const outcomes = await Promise.all(
      orders.map((placed) => inTransaction((tx) => reserve.apply(tx, placed))),
    );

    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'rejected')).toHaveLength(40);
    expect(await levelOf('RACE-1')).toBe(0);
    const held = await query<{ count: string }>(
      db.url,
      `SELECT count(*) FROM reservation_lines WHERE sku = 'RACE-1'`,
    );
    expect(Number(held[0]!.count)).toBe(10);
    const events = await query<{ event_type: string; count: string }>(
      db.url,
      'SELECT event_type, count(*) FROM outbox_messages WHERE message_key = ANY($1) GROUP BY event_type ORDER BY 1',
      [orders.map((o) => o.orderId)],
    );
    expect(events.map((e) => [e.event_type, Number(e.count)])).toEqual([
      ['StockRejected', 40],
      ['StockReserved', 10],
    ]);
  });

  it('does not deadlock when concurrent orders name the same SKUs in opposite orders', async () => {
    await setLevel('PAIR-A', 10);
    await setLevel('PAIR-B', 10);
    const orders = Array.from({ length: 20 }, (_, i) =>
      orderPlaced(
        i % 2 === 0
          ? [
              { sku: 'PAIR-A', quantity: 1 },
              { sku: 'PAIR-B', quantity: 1 },
            ]
          : [
              { sku: 'PAIR-B', quantity: 1 },
              { sku: 'PAIR-A', quantity: 1 },
            ],
      ),
    );

    const outcomes = await Promise.all(
      orders.map((placed) => inTransaction((tx) => reserve.apply(tx, placed))),
    );

    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(10);
    expect([await levelOf('PAIR-A'), await levelOf('PAIR-B')]).toEqual([0, 0]);
  });

  it('gives the stock of a declined order back once, and emits StockReleased', async () => {
    await setLevel('BAG-1', 5);
    const placed = orderPlaced([{ sku: 'BAG-1', quantity: 5 }]);
    await inTransaction((tx) => reserve.apply(tx, placed));
    expect(await levelOf('BAG-1')).toBe(0);

    expect(await inTransaction((tx) => release.apply(tx, paymentDeclined(placed.orderId)))).toBe('released');
    expect(await inTransaction((tx) => release.apply(tx, paymentDeclined(placed.orderId)))).toBe(
      'nothing-to-release',
    );

    expect(await levelOf('BAG-1')).toBe(5);
    expect(await reservations.find(prisma, placed.orderId)).toMatchObject({
      status: 'RELEASED',
      releasedAt: expect.any(Date),
    });
    const events = await outboxFor(placed.orderId);
    expect(events.map((e) => e.event_type)).toEqual(['StockReserved', 'StockReleased']);
    expect(events[1]).toMatchObject({
      topic: 'inventory.stock-released',
      payload: { orderId: placed.orderId, lines: [{ sku: 'BAG-1', quantity: 5 }] },
    });
  });

  it('releases nothing for an order whose stock was never held', async () => {
    const orderId = randomUUID();
    expect(await inTransaction((tx) => release.apply(tx, paymentDeclined(orderId)))).toBe(
      'nothing-to-release',
    );
    expect(await outboxFor(orderId)).toEqual([]);
  });

  it('records the channel OrderPlaced version 2 carries on the reservation', async () => {
    await setLevel('CAP-1', 1);
    const placed = orderPlaced([{ sku: 'CAP-1', quantity: 1 }]);
    await inTransaction((tx) => reserve.apply(tx, placed));

    expect(await reservations.find(prisma, placed.orderId)).toMatchObject({
      status: 'HELD',
      channel: 'mobile',
    });
  });

  it('gives the stock back once whichever of OrderCancelled and ReleaseStock comes first', async () => {
    await setLevel('KITE-1', 3);
    const placed = orderPlaced([{ sku: 'KITE-1', quantity: 3 }]);
    const cancelled = {
      envelope: envelopeFor('OrderCancelled', { correlationId: placed.envelope.correlationId }),
      orderId: placed.orderId,
    };
    const releaseCommand = {
      envelope: envelopeFor('ReleaseStock', { correlationId: placed.envelope.correlationId }),
      orderId: placed.orderId,
    };
    // Inventory was down past the deadline: OrderCancelled is handled before the late OrderPlaced.
    expect(await inTransaction((tx) => release.apply(tx, cancelled))).toBe('nothing-to-release');
    await inTransaction((tx) => reserve.apply(tx, placed));
    expect(await levelOf('KITE-1')).toBe(0);

    expect(await inTransaction((tx) => release.apply(tx, releaseCommand))).toBe('released');
    expect(await inTransaction((tx) => release.apply(tx, cancelled))).toBe('nothing-to-release');

    expect(await levelOf('KITE-1')).toBe(3);
    const events = await outboxFor(placed.orderId);
    expect(events.map((e) => e.event_type)).toEqual(['StockReserved', 'StockReleased']);
  });

  describe('one consumer batch of several orders', () => {
    it('decide one after the other on the levels the orders before them left, in three round trips', async () => {
      await setLevel('BATCH-1', 5);
      const orders = [2, 2, 2].map((quantity) => orderPlaced([{ sku: 'BATCH-1', quantity }]));

      const outcomes: string[] = [];
      const cost = await costOfOneBatch(
        pool,
        orders.map((o) => o.orderId),
        async (tx) => {
          for (const placed of orders) outcomes.push(await reserve.apply(tx, placed));
        },
      );

      expect(outcomes).toEqual(['reserved', 'reserved', 'rejected']);
      // BEGIN with the SKU's lock; the look for reservations; the two held, the level, the outbox
      // and COMMIT together.
      expect(cost).toEqual({ statements: 7, roundTrips: 3 });
      expect(await levelOf('BATCH-1')).toBe(1);
      expect((await outboxFor(orders[2]!.orderId)).map((e) => e.event_type)).toEqual(['StockRejected']);
    });

    it('give back the stock of an order held earlier in the same batch', async () => {
      await setLevel('BATCH-2', 4);
      const placed = orderPlaced([{ sku: 'BATCH-2', quantity: 3 }]);

      await costOfOneBatch(pool, [placed.orderId, placed.orderId], async (tx) => {
        expect(await reserve.apply(tx, placed)).toBe('reserved');
        expect(await release.apply(tx, paymentDeclined(placed.orderId))).toBe('released');
      });

      expect(await levelOf('BATCH-2')).toBe(4);
      expect(await reservations.find(prisma, placed.orderId)).toMatchObject({ status: 'RELEASED' });
      expect((await outboxFor(placed.orderId)).map((e) => e.event_type)).toEqual([
        'StockReserved',
        'StockReleased',
      ]);
    });
  });
});
