import { randomUUID } from 'node:crypto';
import { sampleEvents } from '@platform/contracts/testing';
import { type IncomingMessage } from '@platform/messaging';
import { costOfOneBatch, type TransactionCost } from '@platform/messaging/testing';
import { EventContext, Transactions } from '@platform/messaging-nest';
import type { ThrowawayDatabase } from '@platform/testing';
import { Pool } from 'pg';
import { DeadlineSettings } from '../expire-orders/deadline-settings';
import { IdempotencyKeys } from '../idempotency-keys';
import type { OrderMetrics } from '../order-metrics';
import { OrderRepository } from '../order.repository';
import { OrderPlacement } from '../place-order/order-placement';
import { PlaceOrderHandler } from '../place-order/place-order.handler';
import { SagaReactionsController } from './saga-reactions.controller';
import { createOrderTestDatabase } from '../testing/order-test-database';

let database: ThrowawayDatabase;
let pool: Pool;
let placeOrder: PlaceOrderHandler;
const reactions = new SagaReactionsController(new OrderRepository(), {
  settled: () => undefined,
} as unknown as OrderMetrics);
const sample = sampleEvents();

beforeAll(async () => {
  database = await createOrderTestDatabase('order-reactions-test');
  pool = new Pool({ connectionString: database.url });
  placeOrder = new PlaceOrderHandler(
    new OrderPlacement(new Transactions(pool), new OrderRepository(), new IdempotencyKeys()),
    new DeadlineSettings(15 * 60_000, 1_000),
  );
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function placedOrder(): Promise<string> {
  const { orderId } = await placeOrder.execute(
    {
      customerId: 'alice@example.com',
      currency: 'EUR',
      paymentMethod: 'tok_visa',
      channel: 'web',
      lines: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 4497 }],
    },
    { correlationId: randomUUID() },
  );
  return orderId;
}

function about<E extends { orderId: string; envelope: { eventId: string } }>(event: E, orderId: string): E {
  return { ...event, orderId, envelope: { ...event.envelope, eventId: randomUUID() } };
}

/** A consumer's batch transaction (see costOfOneBatch), its handlers given their EventContext. */
function asOneBatch(
  orderIds: string[],
  handle: (context: EventContext) => Promise<void>,
): Promise<TransactionCost> {
  return costOfOneBatch(pool, orderIds, (tx) => handle(new EventContext([tx, {} as IncomingMessage])));
}

async function statusAndHistory(orderId: string) {
  const { rows } = await pool.query<{ status: string; payment_id: string | null; history: string[] }>(
    `SELECT o.status, o.payment_id,
            (SELECT array_agg(h.event_type ORDER BY h.id) FROM order_history h WHERE h.order_id = o.order_id) AS history
       FROM orders o WHERE o.order_id = $1`,
    [orderId],
  );
  return rows[0];
}

describe('the saga reactions of one consumer batch', () => {
  it('apply in record order, each event seeing what the ones before it decided, and all reach the database', async () => {
    const [a, b, c] = [await placedOrder(), await placedOrder(), await placedOrder()];

    await asOneBatch([a, b, c, a], async (context) => {
      await reactions.stockReserved(about(sample.StockReserved, a), context);
      await reactions.stockReserved(about(sample.StockReserved, b), context);
      await reactions.stockRejected(about(sample.StockRejected, c), context);
      await reactions.paymentAuthorized(about(sample.PaymentAuthorized, a), context);
    });

    expect(await statusAndHistory(a)).toEqual({
      status: 'CONFIRMED',
      payment_id: sample.PaymentAuthorized.paymentId,
      history: ['OrderPlaced', 'StockReserved', 'PaymentAuthorized', 'OrderConfirmed'],
    });
    expect(await statusAndHistory(b)).toEqual({
      status: 'PENDING',
      payment_id: null,
      history: ['OrderPlaced', 'StockReserved'],
    });
    expect(await statusAndHistory(c)).toMatchObject({
      status: 'CANCELLED',
      history: ['OrderPlaced', 'StockRejected', 'OrderCancelled'],
    });
    const { rows: outbox } = await pool.query<{ topic: string; message_key: string }>(
      `SELECT topic, message_key FROM outbox_messages WHERE message_key = ANY($1) AND topic <> 'orders.order-placed' ORDER BY id`,
      [[a, b, c]],
    );
    expect(outbox).toEqual([
      { topic: 'orders.order-cancelled', message_key: c },
      { topic: 'orders.order-confirmed', message_key: a },
    ]);
  });

  it('read every order of the batch in one statement and write them in one more, in two round trips', async () => {
    const orders = [await placedOrder(), await placedOrder(), await placedOrder()];

    const cost = await asOneBatch(orders, async (context) => {
      for (const orderId of orders)
        await reactions.stockReserved(about(sample.StockReserved, orderId), context);
    });

    // BEGIN with the read; the write with COMMIT.
    expect(cost).toEqual({ statements: 4, roundTrips: 2 });
    for (const orderId of orders) expect((await statusAndHistory(orderId))?.history).toHaveLength(2);
  });

  it('leave nothing behind when the transaction rolls back', async () => {
    const orderId = await placedOrder();

    await expect(
      asOneBatch([orderId, 'no-such-order'], async (context) => {
        await reactions.stockReserved(about(sample.StockReserved, orderId), context);
        await reactions.paymentAuthorized(about(sample.PaymentAuthorized, 'no-such-order'), context);
      }),
    ).rejects.toThrow();

    expect(await statusAndHistory(orderId)).toMatchObject({ status: 'PENDING', history: ['OrderPlaced'] });
  });
});
