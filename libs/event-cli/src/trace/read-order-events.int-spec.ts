import { type SagaTestTopics, createSagaTestTopics } from '../testing/saga-test-topics';
import { orderStory } from '../testing/order-story';
import { buildTrace, describeFinalState } from './build-trace';
import { formatTrace } from './format-trace';
import { readOrderEvents } from './read-order-events';

let saga: SagaTestTopics;

beforeAll(async () => {
  saga = await createSagaTestTopics('events-cli-trace');
});

afterAll(async () => {
  await saga?.remove();
});

it("reads every topic to its current end and tells one order's story in the order it happened", async () => {
  const declined = orderStory('order-e', 'payment-declined', {
    start: Date.UTC(2025, 5, 1, 12),
    gaps: [30, 45, 12, 20, 5],
  });
  const other = orderStory('order-f', 'confirmed');
  // Published backwards and interleaved: the trace orders by occurredAt, not by topic or arrival.
  await saga.publish([...declined].reverse().flatMap((event, i) => (other[i] ? [event, other[i]] : [event])));

  const { byOrder, undecodable } = await readOrderEvents({
    kafka: saga.kafka,
    codec: saga.codec,
    orderIds: ['order-e'],
    topics: saga.topics,
  });
  const trace = buildTrace('order-e', byOrder.get('order-e')!);

  expect(undecodable).toEqual([]);
  expect(trace.steps.map((s) => [s.eventType, s.topic, s.deltaMs])).toEqual([
    ['OrderPlaced', saga.topicOf('OrderPlaced'), 0],
    ['StockReserved', saga.topicOf('StockReserved'), 30],
    ['PaymentDeclined', saga.topicOf('PaymentDeclined'), 45],
    ['StockReleased', saga.topicOf('StockReleased'), 12],
    ['OrderCancelled', saga.topicOf('OrderCancelled'), 20],
    ['NotificationSent', saga.topicOf('NotificationSent'), 5],
  ]);
  expect(trace.correlationId).toBe('correlation-order-e');
  expect(describeFinalState(trace.finalState)).toBe('CANCELLED(PAYMENT_DECLINED)');
  expect(formatTrace(trace)).toContain('Final state: CANCELLED(PAYMENT_DECLINED)  (6 events over 112 ms)');
});

it('collects several orders in one read, and an order with no events comes back empty', async () => {
  const pending = orderStory('order-g', 'pending');
  await saga.publish(pending);

  const { byOrder } = await readOrderEvents({
    kafka: saga.kafka,
    codec: saga.codec,
    orderIds: ['order-f', 'order-g', 'order-nobody'],
    topics: saga.topics,
  });

  expect(describeFinalState(buildTrace('order-f', byOrder.get('order-f')!).finalState)).toBe('CONFIRMED');
  expect(buildTrace('order-g', byOrder.get('order-g')!).finalState).toEqual({ status: 'PENDING' });
  expect(byOrder.get('order-nobody')).toEqual([]);
});
