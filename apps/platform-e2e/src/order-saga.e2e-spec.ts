import { uniqueName, waitFor } from '@platform/testing';
import {
  finalOrder,
  http,
  notificationsOf,
  orderRequest,
  paymentsOf,
  placeOrder,
  setStock,
  stockOf,
  type OrderView,
} from './support/platform-api';
import { usePlatform } from './support/platform-lifecycle';

const { observer } = usePlatform('order-saga');

async function freshSku(stock: number): Promise<string> {
  const sku = uniqueName('SKU').toUpperCase();
  await setStock(sku, stock);
  return sku;
}

it('happy path: the order is confirmed, stock taken, payment authorized, one notification, one correlation chain', async () => {
  const sku = await freshSku(5);
  const { orderId, correlationId } = await placeOrder(orderRequest(sku, { quantity: 2 }), {
    'X-Correlation-Id': 'e2e-happy-' + sku,
  });

  const order = await finalOrder(orderId);
  expect(order.status).toBe('CONFIRMED');
  expect(correlationId).toBe('e2e-happy-' + sku);
  expect(await stockOf(sku)).toBe(3);
  expect((await paymentsOf(orderId)).map((p) => p.status)).toEqual(['AUTHORIZED']);
  await waitFor(async () => (await notificationsOf(orderId)).length === 1, {
    description: 'the notification',
  });
  const events = await waitFor(
    () => {
      const seen = observer().eventsOf(orderId);
      return seen.some((e) => e.eventType === 'NotificationSent') ? seen : undefined;
    },
    { description: 'NotificationSent on the topic' },
  );
  expect(events.map((e) => e.eventType)).toEqual([
    'OrderPlaced',
    'StockReserved',
    'PaymentAuthorized',
    'OrderConfirmed',
    'NotificationSent',
  ]);
  expect(new Set(events.map((e) => e.envelope.correlationId))).toEqual(new Set([correlationId]));
  // Each event was caused by the one before it in the saga, back to OrderPlaced, which has no cause.
  const byId = new Map(events.map((e) => [e.envelope.eventId, e]));
  expect(events[0]!.envelope.causationId).toBeNull();
  for (const event of events.slice(1)) {
    expect(byId.has(event.envelope.causationId!)).toBe(true);
  }
  // Topics are not ordered against each other: StockReserved may reach the order service after
  // PaymentAuthorized has already confirmed it, so its history fills in eventually.
  const history = await waitFor(
    async () => {
      const { body } = await http<OrderView>('order', `/orders/${orderId}`);
      const types = body.history.map((h) => h.eventType);
      return types.includes('StockReserved') ? types : undefined;
    },
    { description: 'the order history to include every saga step' },
  );
  expect(history).toEqual(
    expect.arrayContaining(['OrderPlaced', 'StockReserved', 'PaymentAuthorized', 'OrderConfirmed']),
  );
  expect(history.filter((type) => type === 'OrderConfirmed')).toHaveLength(1);
});

it('out of stock: the order is cancelled with the reason and no payment is attempted', async () => {
  const sku = await freshSku(1);
  const { orderId } = await placeOrder(orderRequest(sku, { quantity: 3 }));

  const order = await finalOrder(orderId);
  expect(order.status).toBe('CANCELLED');
  expect(order.cancellation?.reason).toBe('OUT_OF_STOCK');
  expect(order.cancellation?.detail).toContain(sku);
  expect(await stockOf(sku)).toBe(1);
  expect(await paymentsOf(orderId)).toEqual([]);
  expect(observer().typesOf(orderId)).not.toContain('StockReserved');
});

it('payment declined: the order is cancelled and the reservation released, stock back where it was', async () => {
  const sku = await freshSku(4);
  const { orderId } = await placeOrder(
    orderRequest(sku, { quantity: 3, paymentMethod: 'tok_chargeDeclinedInsufficientFunds' }),
  );

  const order = await finalOrder(orderId);
  expect(order.status).toBe('CANCELLED');
  expect(order.cancellation?.reason).toBe('INSUFFICIENT_FUNDS');
  await waitFor(async () => (await stockOf(sku)) === 4, { description: 'the reservation to be released' });
  expect((await paymentsOf(orderId)).map((p) => p.status)).toEqual(['DECLINED']);
  await waitFor(() => observer().typesOf(orderId).includes('StockReleased'), {
    description: 'StockReleased',
  });
});

it('50 concurrent orders for a SKU with stock 10: exactly 10 confirmed, 40 cancelled, stock 0', async () => {
  const sku = await freshSku(10);
  const placed = await Promise.all(Array.from({ length: 50 }, () => placeOrder(orderRequest(sku))));

  const orders = await Promise.all(placed.map(({ orderId }) => finalOrder(orderId, 150_000)));
  const statuses = orders.map((o) => o.status);
  expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10);
  expect(statuses.filter((s) => s === 'CANCELLED')).toHaveLength(40);
  expect(await stockOf(sku)).toBe(0);
});

describe('bad input', () => {
  it('answers 400 naming each wrong field', async () => {
    const { status, body } = await http<{ fields: { field: string }[] }>('order', '/orders', {
      method: 'POST',
      body: {
        customerId: 'x',
        currency: 'euro',
        paymentMethod: 'tok_visa',
        lines: [{ sku: 'A', quantity: 0, unitPriceMinor: 10 }],
      },
    });
    expect(status).toBe(400);
    expect(body.fields.map((f) => f.field).sort()).toEqual(['currency', 'lines.0.quantity']);
  });

  it('answers 404 for an unknown order', async () => {
    expect((await http('order', '/orders/does-not-exist')).status).toBe(404);
  });

  it('answers 413 for an oversized body', async () => {
    const huge = JSON.stringify({ ...orderRequest('SKU-1'), customerId: 'x'.repeat(200_000) });
    expect((await http('order', '/orders', { method: 'POST', rawBody: huge })).status).toBe(413);
  });

  it('answers 409 when an Idempotency-Key is reused with another body, and replays the same body', async () => {
    const sku = await freshSku(5);
    const key = uniqueName('key');
    const first = await http<{ orderId: string }>('order', '/orders', {
      method: 'POST',
      body: orderRequest(sku),
      headers: { 'Idempotency-Key': key },
    });
    const replay = await http<{ orderId: string }>('order', '/orders', {
      method: 'POST',
      body: orderRequest(sku),
      headers: { 'Idempotency-Key': key },
    });
    const conflict = await http('order', '/orders', {
      method: 'POST',
      body: orderRequest(sku, { quantity: 2 }),
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status).toBe(202);
    expect(replay.body.orderId).toBe(first.body.orderId);
    expect(conflict.status).toBe(409);
  });
});
