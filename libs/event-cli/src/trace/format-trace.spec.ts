import { orderStory, traced } from '../testing/order-story';
import { buildTrace } from './build-trace';
import { formatTrace, formatTraceJson } from './format-trace';

describe('formatTrace', () => {
  it('prints a timeline with step, time, +ms, event, source, topic and facts, then the final state', () => {
    const trace = buildTrace(
      'order-1',
      traced(orderStory('order-1', 'out-of-stock', { start: Date.UTC(2025, 5, 1, 12), gaps: [35, 120, 8] })),
    );

    expect(formatTrace(trace).split('\n')).toEqual([
      'Order order-1  correlation correlation-order-1',
      '#  time (UTC, 2025-06-01)   +ms  event             source        topic                            facts',
      '1  12:00:00.000              +0  OrderPlaced       order         orders.order-placed              customer: ada@example.com, total: 39.98 EUR, lines: SKU-MUG×2, paymentMethod: tok_visa, channel: web',
      '2  12:00:00.035             +35  StockRejected     inventory     inventory.stock-rejected         reason: OUT_OF_STOCK, shortages: SKU-MUG requested 2, available 1',
      '3  12:00:00.155            +120  OrderCancelled    order         orders.order-cancelled           reason: OUT_OF_STOCK, detail: Not enough stock for SKU-MUG (requested 2, available 1)',
      '4  12:00:00.163              +8  NotificationSent  notification  notifications.notification-sent  kind: ORDER_CANCELLED, channel: LOG, recipient: ada@example.com',
      'Final state: CANCELLED(OUT_OF_STOCK) Not enough stock for SKU-MUG (requested 2, available 1)  (4 events over 163 ms)',
    ]);
  });

  it('says so when the order has no events', () => {
    expect(formatTrace(buildTrace('nobody', []))).toBe(
      'Order nobody  correlation -\nNo events of this order on the saga topics.',
    );
  });

  it('prints the same trace as one JSON object', () => {
    const trace = buildTrace('order-2', traced(orderStory('order-2', 'confirmed')));

    const json = JSON.parse(formatTraceJson(trace)) as Record<string, unknown>;

    expect(Object.keys(json)).toEqual(['orderId', 'correlationId', 'steps', 'finalState']);
    expect(json).toMatchObject({
      orderId: 'order-2',
      finalState: { status: 'CONFIRMED' },
      steps: expect.any(Array),
    });
  });
});
