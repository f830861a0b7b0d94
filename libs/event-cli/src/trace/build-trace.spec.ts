import { orderStory, traced } from '../testing/order-story';
import { buildTrace, describeFinalState } from './build-trace';

const START = Date.UTC(2025, 5, 1, 12, 0, 0);

describe('buildTrace', () => {
  it('tells a timed-out order with its compensation: the release, the late authorization and its refund', () => {
    const trace = buildTrace('order-9', traced(orderStory('order-9', 'timed-out')));

    expect(trace.steps.map((s) => [s.eventType, s.source])).toEqual([
      ['OrderPlaced', 'order'],
      ['StockReserved', 'inventory'],
      ['OrderCancelled', 'order'],
      ['StockReleased', 'inventory'],
      ['NotificationSent', 'notification'],
      ['PaymentAuthorized', 'payment'],
      ['RefundPayment', 'order'],
      ['PaymentRefunded', 'payment'],
    ]);
    expect(trace.steps[6]!.facts).toMatchObject({ amount: '39.98 EUR', paymentId: 'order-9-payment' });
    expect(describeFinalState(trace.finalState)).toBe('CANCELLED(TIMED_OUT)');
  });

  it('tells a confirmed order step by step in the order the events happened, whatever order they were read in', () => {
    const story = orderStory('order-1', 'confirmed', { start: START, gaps: [40, 25, 60, 15] });
    const shuffled = traced(story).reverse();

    const trace = buildTrace('order-1', shuffled);

    expect(trace.steps.map((s) => [s.step, s.eventType, s.source, s.topic, s.deltaMs, s.elapsedMs])).toEqual([
      [1, 'OrderPlaced', 'order', 'orders.order-placed', 0, 0],
      [2, 'StockReserved', 'inventory', 'inventory.stock-reserved', 40, 40],
      [3, 'PaymentAuthorized', 'payment', 'payments.payment-authorized', 25, 65],
      [4, 'OrderConfirmed', 'order', 'orders.order-confirmed', 60, 125],
      [5, 'NotificationSent', 'notification', 'notifications.notification-sent', 15, 140],
    ]);
    expect(trace.steps[0]!.occurredAt).toBe('2025-06-01T12:00:00.000Z');
    expect(trace.steps[0]!.facts).toEqual({
      customer: 'ada@example.com',
      total: '39.98 EUR',
      lines: 'SKU-MUG×2',
      paymentMethod: 'tok_visa',
      channel: 'web',
    });
    expect(trace).toMatchObject({
      orderId: 'order-1',
      correlationId: 'correlation-order-1',
      finalState: { status: 'CONFIRMED' },
    });
  });

  it('ends an order without stock CANCELLED(OUT_OF_STOCK), with the shortage among the facts', () => {
    const trace = buildTrace('order-2', traced(orderStory('order-2', 'out-of-stock')));

    expect(trace.steps.map((s) => s.eventType)).toEqual([
      'OrderPlaced',
      'StockRejected',
      'OrderCancelled',
      'NotificationSent',
    ]);
    expect(trace.steps[1]!.facts).toEqual({
      reason: 'OUT_OF_STOCK',
      shortages: 'SKU-MUG requested 2, available 1',
    });
    expect(trace.finalState).toEqual({
      status: 'CANCELLED',
      reason: 'OUT_OF_STOCK',
      detail: 'Not enough stock for SKU-MUG (requested 2, available 1)',
    });
    expect(describeFinalState(trace.finalState)).toBe('CANCELLED(OUT_OF_STOCK)');
  });

  it('ends an order whose payment was declined CANCELLED(PAYMENT_DECLINED), after the stock is released', () => {
    const trace = buildTrace('order-3', traced(orderStory('order-3', 'payment-declined')));

    expect(trace.steps.map((s) => s.eventType)).toEqual([
      'OrderPlaced',
      'StockReserved',
      'PaymentDeclined',
      'StockReleased',
      'OrderCancelled',
      'NotificationSent',
    ]);
    expect(trace.steps[2]!.facts).toMatchObject({ reason: 'CARD_DECLINED', amount: '39.98 EUR' });
    expect(describeFinalState(trace.finalState)).toBe('CANCELLED(PAYMENT_DECLINED)');
  });

  it('leaves an order PENDING while neither OrderConfirmed nor OrderCancelled is on the topics', () => {
    const placedOnly = buildTrace('order-4', traced(orderStory('order-4', 'pending')));
    const rejectedNotYetCancelled = buildTrace(
      'order-5',
      traced(orderStory('order-5', 'out-of-stock').slice(0, 2)),
    );

    expect(placedOnly.finalState).toEqual({ status: 'PENDING' });
    expect(rejectedNotYetCancelled.finalState).toEqual({ status: 'PENDING' });
    expect(describeFinalState(rejectedNotYetCancelled.finalState)).toBe('PENDING');
  });

  it("keeps only the order's own events, each once, counting the copies a producer retry left", () => {
    const mine = traced(orderStory('order-6', 'confirmed'));
    const other = traced(orderStory('order-7', 'out-of-stock'));
    const republished = { ...mine[1]!, offset: '99' };

    const trace = buildTrace('order-6', [...other, ...mine, republished]);

    expect(trace.steps).toHaveLength(5);
    expect(trace.steps.every((s) => s.eventId.startsWith('order-6-'))).toBe(true);
    expect(trace.steps[1]).toMatchObject({ eventType: 'StockReserved', copies: 2, offset: '1' });
  });

  it('puts events of the same millisecond in the order of the saga, so a cause never follows its effect', () => {
    const story = orderStory('order-8', 'confirmed', { gaps: [0, 0, 0, 0] });

    const trace = buildTrace('order-8', traced(story).reverse());

    expect(trace.steps.map((s) => s.eventType)).toEqual([
      'OrderPlaced',
      'StockReserved',
      'PaymentAuthorized',
      'OrderConfirmed',
      'NotificationSent',
    ]);
    expect(trace.steps.map((s) => s.deltaMs)).toEqual([0, 0, 0, 0, 0]);
  });

  it('has no steps, no correlation id and a PENDING state for an order with no events', () => {
    expect(buildTrace('nobody', [])).toEqual({
      orderId: 'nobody',
      correlationId: null,
      steps: [],
      finalState: { status: 'PENDING' },
    });
  });
});
