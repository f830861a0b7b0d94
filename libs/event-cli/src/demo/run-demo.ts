/**
 * The saga end to end against the running platform: one order for each outcome, placed over REST,
 * followed until the order service has decided, then told again from the topics by `trace`.
 */
import type { AvroCodec } from '@platform/messaging';
import { setTimeout as delay } from 'node:timers/promises';
import { waitFor } from '@platform/testing';
import type { Kafka } from 'kafkajs';
import { type Colors, NO_COLORS } from '../text/colors';
import { type OrderTrace, buildTrace, describeFinalState } from '../trace/build-trace';
import { formatTrace } from '../trace/format-trace';
import { readOrderEvents } from '../trace/read-order-events';
import type { OrderRequest, PlatformClient } from './platform-client';

export const DEMO_SKU = 'DEMO-SKU';
const DEMO_STOCK = 5;
const UNIT_PRICE_MINOR = 1_999;

interface Scenario {
  title: string;
  /** The final state `trace` must derive, e.g. CANCELLED(OUT_OF_STOCK). */
  expected: string;
  paymentMethod: string;
  quantity: number;
}

export const DEMO_SCENARIOS: readonly Scenario[] = [
  { title: 'confirmed', expected: 'CONFIRMED', paymentMethod: 'tok_visa', quantity: 1 },
  { title: 'out of stock', expected: 'CANCELLED(OUT_OF_STOCK)', paymentMethod: 'tok_visa', quantity: 999 },
  {
    title: 'payment declined',
    expected: 'CANCELLED(PAYMENT_DECLINED)',
    paymentMethod: 'tok_chargeDeclined',
    quantity: 1,
  },
];

export interface DemoOptions {
  platform: PlatformClient;
  /** Connects to Kafka and the registry; called only once the platform answered. */
  connect: () => Promise<{ kafka: Kafka; codec: AvroCodec }>;
  out: (text: string) => void;
  colors?: Colors;
  /** How long each wait (the orders deciding, their last events reaching the topics) may take. */
  timeoutMs?: number;
}

/** Resolves true when every order ended as expected. */
export async function runDemo({
  platform,
  connect,
  out,
  colors = NO_COLORS,
  timeoutMs = 60_000,
}: DemoOptions): Promise<boolean> {
  await platform.assertReady();
  await platform.setStock(DEMO_SKU, DEMO_STOCK);
  out(`Stock of ${DEMO_SKU} set to ${DEMO_STOCK}.`);

  const placed: { scenario: Scenario; orderId: string }[] = [];
  for (const scenario of DEMO_SCENARIOS) {
    const { orderId } = await platform.placeOrder(orderRequest(scenario));
    placed.push({ scenario, orderId });
    out(
      `Placed ${colors.bold(orderId)}: ${scenario.title} (${scenario.quantity} × ${DEMO_SKU}, ${scenario.paymentMethod})`,
    );
  }

  out('Waiting for the saga to decide each order...');
  for (const { scenario, orderId } of placed) {
    const order = await waitFor(
      async () => {
        const view = await platform.getOrder(orderId);
        return view.status !== 'PENDING' && view;
      },
      { description: `order ${orderId} (${scenario.title}) to be confirmed or cancelled`, timeoutMs },
    );
    out(`  ${orderId}: ${order.status}${order.cancellation ? ` (${order.cancellation.reason})` : ''}`);
  }

  const { kafka, codec } = await connect();
  const orderIds = placed.map((p) => p.orderId);
  const readTraces = async () => {
    const { byOrder } = await readOrderEvents({ kafka, codec, orderIds });
    return orderIds.map((id) => buildTrace(id, byOrder.get(id) ?? []));
  };
  // The order service decides before its outbox relay publishes the decision, and notification
  // reacts after that: read again until each order's story has reached its last event.
  const deadline = Date.now() + timeoutMs;
  let traces = await readTraces();
  while (!traces.every(isComplete) && Date.now() < deadline) {
    await delay(500);
    traces = await readTraces();
  }
  if (!traces.every(isComplete))
    out(
      colors.yellow(
        `Not every order reached NotificationSent within ${timeoutMs} ms; the topics hold this much:`,
      ),
    );

  let allAsExpected = true;
  for (const [i, trace] of traces.entries()) {
    const { scenario } = placed[i]!;
    const actual = describeFinalState(trace.finalState);
    const verdict =
      actual === scenario.expected
        ? colors.green('as expected')
        : colors.red(`expected ${scenario.expected}`);
    allAsExpected &&= actual === scenario.expected;
    out(`\n${colors.bold(`${i + 1}. ${scenario.title}`)} — ${verdict}`);
    out(formatTrace(trace, colors));
  }
  return allAsExpected;
}

function orderRequest({ paymentMethod, quantity }: Scenario): OrderRequest {
  return {
    customerId: 'demo-customer',
    currency: 'EUR',
    paymentMethod,
    lines: [{ sku: DEMO_SKU, quantity, unitPriceMinor: UNIT_PRICE_MINOR }],
  };
}

function isComplete(trace: OrderTrace): boolean {
  return trace.finalState.status !== 'PENDING' && trace.steps.some((s) => s.eventType === 'NotificationSent');
}
