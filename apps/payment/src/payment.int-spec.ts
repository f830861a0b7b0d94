import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { envelopeFor, EVENT_CATALOGUE, type StockReserved } from '@platform/contracts';
import { assertSchemaMatchesDatabase, migrate } from '@platform/database';
import {
  MESSAGING_MIGRATIONS_DIR,
  MESSAGING_MIGRATIONS_TABLE,
  processOnce,
  UnprocessableEventError,
} from '@platform/messaging';
import { costOfOneBatch } from '@platform/messaging/testing';
import { Pool } from 'pg';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@platform/testing';
import { AuthorizePaymentHandler } from './authorize-payment/authorize-payment.handler';
import { TEST_CARDS } from './domain';
import { PaymentQueries } from './get-payment/payment-queries';
import { PaymentRepository } from './payment.repository';
import { PrismaService } from './prisma.service';
import { RefundPaymentHandler } from './refund-payment/refund-payment.handler';

interface OutboxRow {
  topic: string;
  message_key: string;
  event_type: string;
  payload: Record<string, unknown> & { envelope: { correlationId: string; causationId: string | null } };
}

let database: ThrowawayDatabase;
let pool: Pool;
let prisma: PrismaService;
let authorize: AuthorizePaymentHandler;
let refund: RefundPaymentHandler;

const total = { amountMinor: 4497, currency: 'EUR' };

/** A StockReserved as inventory publishes it; each call is a new event (new eventId). */
function stockReserved(orderId: string, paymentMethod = 'tok_visa', amount = total): StockReserved {
  return {
    envelope: envelopeFor('StockReserved', { correlationId: `corr-${orderId}` }),
    orderId,
    customerId: 'alice@example.com',
    lines: [{ sku: 'SKU-MUG', quantity: 3, unitPrice: { amountMinor: 1499, currency: 'EUR' } }],
    total: amount,
    paymentMethod,
  };
}

/** Runs the handler the way the consumer does: once per eventId, in the processed-events transaction. */
function deliver(event: StockReserved) {
  return processOnce(pool, 'payment-service', EVENT_CATALOGUE.StockReserved.topic, event.envelope, (tx) =>
    authorize.execute(tx, event).then(() => undefined),
  );
}

function outboxOf(orderId: string) {
  return prisma.$queryRaw<OutboxRow[]>`
    SELECT topic, message_key, event_type, payload FROM outbox_messages WHERE message_key = ${orderId}`;
}

beforeAll(async () => {
  database = await createThrowawayDatabase('payment-test');
  await migrate({
    databaseUrl: database.url,
    migrationSets: [
      { dir: MESSAGING_MIGRATIONS_DIR, table: MESSAGING_MIGRATIONS_TABLE },
      { dir: path.resolve(__dirname, '..', 'migrations'), table: 'payment_migrations' },
    ],
  });
  pool = new Pool({ connectionString: database.url });
  prisma = new PrismaService(pool);
  authorize = new AuthorizePaymentHandler(new PaymentRepository());
  refund = new RefundPaymentHandler(new PaymentRepository());
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

describe.each(TEST_CARDS.map((card) => [card.token, card.outcome] as const))(
  'StockReserved paid with %s',
  (token, outcome) => {
    it(`stores the payment and enqueues ${outcome === 'AUTHORIZED' ? 'PaymentAuthorized' : `PaymentDeclined(${outcome})`}`, async () => {
      const orderId = randomUUID();
      const event = stockReserved(orderId, token);

      expect(await deliver(event)).toBe('processed');

      const payment = await prisma.payment.findUniqueOrThrow({ where: { orderId } });
      expect(payment).toMatchObject({
        amountMinor: 4497n,
        currency: 'EUR',
        paymentMethod: token,
        status: outcome === 'AUTHORIZED' ? 'AUTHORIZED' : 'DECLINED',
        declineReason: outcome === 'AUTHORIZED' ? null : outcome,
        correlationId: `corr-${orderId}`,
      });
      const facts = { orderId, paymentId: payment.paymentId, amount: total };
      const expected =
        outcome === 'AUTHORIZED'
          ? { type: 'PaymentAuthorized' as const, payload: facts }
          : { type: 'PaymentDeclined' as const, payload: { ...facts, reason: outcome } };
      const outbox = await outboxOf(orderId);
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({
        topic: EVENT_CATALOGUE[expected.type].topic,
        event_type: expected.type,
        message_key: orderId,
        payload: expected.payload,
      });
      // The saga's thread: same correlation as the request, caused by the StockReserved.
      expect(outbox[0]!.payload.envelope).toMatchObject({
        correlationId: `corr-${orderId}`,
        causationId: event.envelope.eventId,
        source: 'payment',
      });
    });
  },
);

it('a second StockReserved for the same order (a new eventId) charges once and emits once', async () => {
  const orderId = randomUUID();
  const first = stockReserved(orderId, 'tok_chargeDeclinedInsufficientFunds');
  // The redelivery names a card that would be authorized: the first decision stands all the same.
  const again = stockReserved(orderId, 'tok_visa');

  expect(await deliver(first)).toBe('processed');
  expect(await deliver(again)).toBe('processed');

  const payments = await prisma.payment.findMany({ where: { orderId } });
  expect(payments).toEqual([
    expect.objectContaining({ status: 'DECLINED', paymentMethod: first.paymentMethod }),
  ]);
  const outbox = await outboxOf(orderId);
  expect(outbox.map((row) => row.event_type)).toEqual(['PaymentDeclined']);
  expect(outbox[0]!.payload.envelope.causationId).toBe(first.envelope.eventId);
});

it('racing StockReserved events for one order (new eventIds and a redelivered one) charge once and emit once', async () => {
  const orderId = randomUUID();
  const events = Array.from({ length: 5 }, () => stockReserved(orderId));
  const deliveries = [...events, events[0]!];

  const outcomes = await Promise.all(deliveries.map(deliver));

  // The redelivered eventId is caught by processed_events; the other four reach the handler.
  expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(1);
  expect(await prisma.payment.count({ where: { orderId } })).toBe(1);
  expect(await outboxOf(orderId)).toEqual([expect.objectContaining({ event_type: 'PaymentAuthorized' })]);
});

it('dead-letters a second request for the same order with another amount, writing nothing', async () => {
  const orderId = randomUUID();
  await deliver(stockReserved(orderId));
  const tampered = stockReserved(orderId, 'tok_visa', { amountMinor: 1, currency: 'EUR' });

  await expect(deliver(tampered)).rejects.toBeInstanceOf(UnprocessableEventError);
  await expect(deliver(tampered)).rejects.toThrow(/PAYMENT_MISMATCH/);

  expect(await prisma.payment.count({ where: { orderId } })).toBe(1);
  expect(await outboxOf(orderId)).toHaveLength(1);
  // Rolled back with the handler: the event is not recorded as processed.
  const processed = await prisma.$queryRaw<unknown[]>`
    SELECT 1 FROM processed_events WHERE event_id = ${tampered.envelope.eventId}`;
  expect(processed).toHaveLength(0);
});

it('dead-letters a StockReserved whose total makes no sense', async () => {
  const orderId = randomUUID();
  const event = stockReserved(orderId, 'tok_visa', { amountMinor: -5, currency: 'EUR' });

  await expect(deliver(event)).rejects.toThrow(/INVALID_AMOUNT/);
  expect(await prisma.payment.count({ where: { orderId } })).toBe(0);
});

it('shows an order’s payment by order and by payment id', async () => {
  const queries = new PaymentQueries(prisma);
  const orderId = randomUUID();
  await deliver(stockReserved(orderId, 'tok_chargeDeclinedExpiredCard'));

  const { items } = await queries.listByOrder(orderId);
  expect(items).toEqual([
    expect.objectContaining({
      orderId,
      status: 'DECLINED',
      declineReason: 'EXPIRED_CARD',
      amount: total,
      paymentMethod: 'tok_chargeDeclinedExpiredCard',
    }),
  ]);
  expect(await queries.findOne(items[0]!.paymentId)).toEqual(items[0]);
  expect(await queries.listByOrder(randomUUID())).toEqual({ items: [] });
  expect(await queries.findOne(randomUUID())).toBeUndefined();
});

describe('refunds of cancelled orders', () => {
  /** OrderCancelled or RefundPayment, delivered the way the consumer does: once per eventId. */
  function deliverCancellation(orderId: string, as: 'OrderCancelled' | 'RefundPayment') {
    const envelope = envelopeFor(as, { correlationId: `corr-${orderId}` });
    return processOnce(pool, 'payment-service', EVENT_CATALOGUE[as].topic, envelope, (tx) =>
      refund.execute(tx, { orderId, envelope }).then(() => undefined),
    );
  }

  it('refunds an authorized payment once, on OrderCancelled and again on RefundPayment, with one PaymentRefunded', async () => {
    const orderId = randomUUID();
    await deliver(stockReserved(orderId));

    await deliverCancellation(orderId, 'OrderCancelled');
    await deliverCancellation(orderId, 'RefundPayment');

    expect(await prisma.payment.findMany({ where: { orderId } })).toEqual([
      expect.objectContaining({ status: 'REFUNDED', refundedAt: expect.any(Date) }),
    ]);
    const outbox = await outboxOf(orderId);
    expect(outbox.map((row) => row.event_type)).toEqual(['PaymentAuthorized', 'PaymentRefunded']);
    expect(outbox[1]).toMatchObject({
      topic: 'payments.payment-refunded',
      payload: { orderId, amount: total },
    });
  });

  it('refunds an authorization that came after OrderCancelled when RefundPayment asks', async () => {
    const orderId = randomUUID();
    await deliverCancellation(orderId, 'OrderCancelled');
    await deliver(stockReserved(orderId));
    await deliverCancellation(orderId, 'RefundPayment');

    const outbox = await outboxOf(orderId);
    expect(outbox.map((row) => row.event_type)).toEqual(['PaymentAuthorized', 'PaymentRefunded']);
  });

  it('refunds nothing for a declined payment', async () => {
    const orderId = randomUUID();
    await deliver(stockReserved(orderId, 'tok_chargeDeclined'));
    await deliverCancellation(orderId, 'OrderCancelled');

    expect((await outboxOf(orderId)).map((row) => row.event_type)).toEqual(['PaymentDeclined']);
  });
});

describe('one consumer batch of several orders', () => {
  it('locks the orders in one statement, reads their payments in one, and inserts them in one', async () => {
    const orders = [randomUUID(), randomUUID(), randomUUID()];

    const cost = await costOfOneBatch(pool, orders, async (tx) => {
      for (const orderId of orders) await authorize.execute(tx, stockReserved(orderId));
    });

    // BEGIN with the locks; the read; the insert with the outbox and COMMIT.
    expect(cost).toEqual({ statements: 6, roundTrips: 3 });
    expect(await prisma.payment.count({ where: { orderId: { in: orders } } })).toBe(3);
    for (const orderId of orders)
      expect((await outboxOf(orderId)).map((row) => row.event_type)).toEqual(['PaymentAuthorized']);
  });

  it('charges an order once when two of its StockReserved are in the batch, and refunds a payment made earlier in it', async () => {
    const [twice, cancelled] = [randomUUID(), randomUUID()];

    await costOfOneBatch(pool, [twice, twice, cancelled, cancelled], async (tx) => {
      await authorize.execute(tx, stockReserved(twice, 'tok_chargeDeclinedInsufficientFunds'));
      await authorize.execute(tx, stockReserved(twice, 'tok_visa'));
      await authorize.execute(tx, stockReserved(cancelled));
      await refund.execute(tx, {
        orderId: cancelled,
        envelope: envelopeFor('OrderCancelled', { correlationId: `corr-${cancelled}` }),
      });
    });

    expect(await prisma.payment.findMany({ where: { orderId: twice } })).toEqual([
      expect.objectContaining({ status: 'DECLINED' }),
    ]);
    expect((await outboxOf(twice)).map((row) => row.event_type)).toEqual(['PaymentDeclined']);
    expect(await prisma.payment.findMany({ where: { orderId: cancelled } })).toEqual([
      expect.objectContaining({ status: 'REFUNDED', refundedAt: expect.any(Date) }),
    ]);
    expect((await outboxOf(cancelled)).map((row) => row.event_type)).toEqual([
      'PaymentAuthorized',
      'PaymentRefunded',
    ]);
  });
});
