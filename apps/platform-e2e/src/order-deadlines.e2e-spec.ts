import { NO_COLORS, runEvents, type OrderTrace } from '@platform/event-cli';
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

// Seconds instead of the default 15 minutes, and a sweep four times a second, so an order times
// out within the test; every wait below is for an outcome, none for the clock except where the
// order service must be down while the deadline passes.
const DEADLINE_SECONDS = 8;
const { platform, observer } = usePlatform('order-deadlines', {
  env: { order: { ORDER_DEADLINE_SECONDS: String(DEADLINE_SECONDS), ORDER_DEADLINE_SWEEP_MS: '250' } },
});

async function freshSku(stock: number): Promise<string> {
  const sku = uniqueName('SKU').toUpperCase();
  await setStock(sku, stock);
  return sku;
}

function countOf(orderId: string, eventType: string): number {
  return observer()
    .typesOf(orderId)
    .filter((type) => type === eventType).length;
}

async function historyOf(orderId: string): Promise<string[]> {
  const { body } = await http<OrderView>('order', `/orders/${orderId}`);
  return body.history.map((entry) => entry.eventType);
}

/** `npm run events -- trace <orderId> --json`, in-process. */
async function trace(orderId: string): Promise<OrderTrace> {
  let stdout = '';
  const code = await runEvents(['trace', orderId, '--json'], {
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
    env: process.env,
    colors: NO_COLORS,
  });
  expect(code).toBe(0);
  return JSON.parse(stdout) as OrderTrace;
}

/** The order's payment refunded, the refund on the topic and in the order's history. */
async function refunded(orderId: string): Promise<void> {
  await waitFor(async () => (await paymentsOf(orderId)).map((p) => p.status).join() === 'REFUNDED', {
    description: `the payment of ${orderId} to be refunded`,
    timeoutMs: 90_000,
  });
  await waitFor(async () => (await historyOf(orderId)).includes('PaymentRefunded'), {
    description: 'PaymentRefunded in the order history',
    timeoutMs: 60_000,
  });
}

it('payment down past the deadline, then back: TIMED_OUT, stock released, the late authorization refunded once, one notification', async () => {
  const sku = await freshSku(5);
  await platform().stop('payment');
  let paymentBack = false;
  try {
    const { orderId } = await placeOrder(orderRequest(sku, { quantity: 2 }));

    const order = await finalOrder(orderId);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancellation?.reason).toBe('TIMED_OUT');
    // Inventory releases what it held on OrderCancelled (or, had its StockReserved come after the
    // deadline, on the order's ReleaseStock): the stock is back either way.
    await waitFor(async () => (await stockOf(sku)) === 5, { description: 'the stock to be released' });
    const { body: metrics } = await http<string>('order', '/metrics');
    expect(metrics).toMatch(/^orders_timed_out_total [1-9]/m);
    expect(metrics).toMatch(
      /^order_time_to_final_state_seconds_count\{status="CANCELLED",reason="TIMED_OUT"\} [1-9]/m,
    );
    expect(metrics).toMatch(/^orders_past_deadline \d+$/m);

    await platform().start('payment');
    paymentBack = true;
    await refunded(orderId);

    expect(await paymentsOf(orderId)).toHaveLength(1);
    await waitFor(async () => (await notificationsOf(orderId)).length === 1, {
      description: 'the cancellation notification',
    });
    expect((await notificationsOf(orderId)).map((n) => n.kind)).toEqual(['ORDER_CANCELLED']);
    const story = await waitFor(
      async () => {
        const found = await trace(orderId);
        return found.steps.some((s) => s.eventType === 'PaymentRefunded') ? found : undefined;
      },
      { description: 'the whole story in events trace' },
    );
    expect(story.steps.map((s) => s.eventType)).toEqual(
      expect.arrayContaining([
        'OrderPlaced',
        'StockReserved',
        'OrderCancelled',
        'StockReleased',
        'PaymentAuthorized',
        'PaymentRefunded',
        'NotificationSent',
      ]),
    );
    expect(story.finalState).toMatchObject({ status: 'CANCELLED', reason: 'TIMED_OUT' });
    expect(await stockOf(sku)).toBe(5);
    for (const once of ['OrderCancelled', 'StockReleased', 'PaymentAuthorized', 'PaymentRefunded'])
      expect([once, countOf(orderId, once)]).toEqual([once, 1]);
    expect(countOf(orderId, 'OrderConfirmed')).toBe(0);
    // The cancellation names its cause, the order whose deadline passed; one correlation id throughout.
    const [placed] = observer().eventsOf(orderId);
    const byType = (type: string) =>
      observer()
        .eventsOf(orderId)
        .find((e) => e.eventType === type)!;
    expect(byType('OrderCancelled').envelope.causationId).toBe(placed!.envelope.eventId);
    expect(
      new Set(
        observer()
          .eventsOf(orderId)
          .map((e) => e.envelope.correlationId),
      ).size,
    ).toBe(1);
  } finally {
    if (!paymentBack) await platform().start('payment');
  }
});

it('inventory down past the deadline: TIMED_OUT waiting for stock, then the late reservation released and the late payment refunded', async () => {
  const sku = await freshSku(4);
  await platform().stop('inventory');
  let orderId: string;
  try {
    ({ orderId } = await placeOrder(orderRequest(sku, { quantity: 3 })));

    const order = await finalOrder(orderId);
    expect(order.cancellation).toEqual({
      reason: 'TIMED_OUT',
      detail: `No answer for the stock reservation within ${DEADLINE_SECONDS} s`,
    });
  } finally {
    await platform().start('inventory');
  }

  // Inventory, back, reserves for the order it has only now heard of; the order answers the late
  // StockReserved with ReleaseStock, and the authorization payment then gives with RefundPayment.
  await waitFor(async () => (await historyOf(orderId)).includes('StockReleased'), {
    description: 'StockReleased in the order history',
    timeoutMs: 90_000,
  });
  await waitFor(async () => (await stockOf(sku)) === 4, { description: 'the stock to be back' });
  await refunded(orderId);
  expect(countOf(orderId, 'ReleaseStock')).toBe(1);
  expect(countOf(orderId, 'StockReleased')).toBe(1);
  expect(countOf(orderId, 'PaymentRefunded')).toBe(1);
  expect((await notificationsOf(orderId)).map((n) => n.kind)).toEqual(['ORDER_CANCELLED']);
  expect(await historyOf(orderId)).toEqual(
    expect.arrayContaining([
      'OrderPlaced',
      'OrderCancelled',
      'StockReserved',
      'ReleaseStock',
      'StockReleased',
    ]),
  );
});

it('a deadline that passes while the order service is down fires once when it is back', async () => {
  const sku = await freshSku(3);
  // Without payment the order cannot be confirmed meanwhile: only its deadline can end it.
  await platform().stop('payment');
  const { orderId } = await placeOrder(orderRequest(sku));
  const { body } = await http<OrderView>('order', `/orders/${orderId}`);
  expect(body.status).toBe('PENDING');
  await platform().stop('order');

  // The one wait for the clock: the deadline must pass while nothing runs that could enforce it.
  await waitFor(() => Date.now() > Date.parse(body.deadlineAt) + 500, {
    description: 'the deadline to pass while the order service is down',
    timeoutMs: (DEADLINE_SECONDS + 10) * 1000,
  });
  const restartedAt = Date.now();
  await platform().start('order');

  const order = await finalOrder(orderId);
  expect(order.cancellation?.reason).toBe('TIMED_OUT');
  // Cancelled by the instance that started after the deadline, not by the one that was stopping.
  const cancelled = await waitFor(
    () =>
      observer()
        .eventsOf(orderId)
        .find((e) => e.eventType === 'OrderCancelled'),
    { description: 'OrderCancelled on the topic' },
  );
  expect(cancelled.envelope.occurredAt).toBeGreaterThanOrEqual(restartedAt);
  await waitFor(async () => (await stockOf(sku)) === 3, { description: 'the stock to be released' });
  await platform().start('payment');
  await refunded(orderId);
  expect(countOf(orderId, 'OrderCancelled')).toBe(1);
  expect((await historyOf(orderId)).filter((type) => type === 'OrderCancelled')).toHaveLength(1);
});
