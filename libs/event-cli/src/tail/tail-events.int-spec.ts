import { isDecoded, type DecodedRecord } from '../events/decode-record';
import { type SagaTestTopics, createSagaTestTopics } from '../testing/saga-test-topics';
import { orderStory } from '../testing/order-story';
import { eventJsonLine } from './format-event';
import { tailEvents } from './tail-events';

let saga: SagaTestTopics;

beforeAll(async () => {
  saga = await createSagaTestTopics('events-cli-tail');
});

afterAll(async () => {
  await saga?.remove();
});

function eventIds(records: DecodedRecord[]): string[] {
  return records
    .map((r) => (isDecoded(r) ? r.event.envelope.eventId : `undecodable ${r.decodeError}`))
    .sort();
}

it("follows every topic from the beginning and hands over only the chosen order's events, decoded", async () => {
  const a = orderStory('order-a', 'confirmed');
  const b = orderStory('order-b', 'payment-declined');
  await saga.publish([a[0]!, b[0]!, a[1]!, b[1]!, b[2]!, a[2]!, a[3]!, b[3]!, b[4]!, a[4]!, b[5]!]);

  const seen: DecodedRecord[] = [];
  const { matched } = await tailEvents({
    kafka: saga.kafka,
    codec: saga.codec,
    topics: saga.topics,
    fromBeginning: true,
    filter: { orderId: 'order-a' },
    max: a.length,
    onEvent: (record) => void seen.push(record),
  });

  expect(matched).toBe(a.length);
  expect(eventIds(seen)).toEqual(a.map((e) => e.envelope.eventId).sort());
  const placed = seen.find((r) => isDecoded(r) && r.event.envelope.eventType === 'OrderPlaced')!;
  expect(JSON.parse(eventJsonLine(placed))).toEqual({
    topic: saga.topicOf('OrderPlaced'),
    partition: expect.any(Number),
    offset: expect.any(String),
    timestamp: expect.any(String),
    key: 'order-a',
    envelope: a[0]!.envelope,
    payload: {
      orderId: 'order-a',
      customerId: 'ada@example.com',
      lines: [{ sku: 'SKU-MUG', quantity: 2, unitPrice: { amountMinor: 1999, currency: 'EUR' } }],
      total: { amountMinor: 3998, currency: 'EUR' },
      paymentMethod: 'tok_visa',
      channel: 'web',
    },
  });
});

it('by default shows only what is published after it started, here filtered by correlation id', async () => {
  const c = orderStory('order-c', 'confirmed', { correlationId: 'flow-c' });
  const d = orderStory('order-d', 'confirmed', { correlationId: 'flow-d' });
  await saga.publish([c[0]!]);

  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const seen: DecodedRecord[] = [];
  const tail = tailEvents({
    kafka: saga.kafka,
    codec: saga.codec,
    topics: saga.topics,
    filter: { correlationId: 'flow-c' },
    max: 2,
    onReady: ready,
    onEvent: (record) => void seen.push(record),
  });
  await started;
  await saga.publish([d[0]!, c[1]!, d[1]!, c[2]!]);
  await tail;

  // c[0] was on its topic before the tail started, d's events are of another flow.
  expect(eventIds(seen)).toEqual([c[1]!.envelope.eventId, c[2]!.envelope.eventId].sort());
});

it('reports a message it cannot decode instead of stopping', async () => {
  const topic = saga.topicOf('NotificationSent');
  const producer = saga.kafka.producer();
  await producer.connect();
  const before = saga.kafka.admin();
  await before.connect();
  const ends = await before.fetchTopicOffsets(topic);
  await before.disconnect();
  await producer.send({ topic, messages: [{ key: 'order-x', value: Buffer.from('not avro') }] });
  await producer.disconnect();

  const seen: DecodedRecord[] = [];
  await tailEvents({
    kafka: saga.kafka,
    codec: saga.codec,
    topics: [topic],
    fromBeginning: true,
    max: ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0) + 1,
    onEvent: (record) => void seen.push(record),
  });

  const undecodable = seen.filter((r) => !isDecoded(r));
  expect(undecodable).toEqual([
    expect.objectContaining({
      topic,
      key: 'order-x',
      decodeError: expect.stringContaining('not in the Confluent Avro wire format'),
    }),
  ]);
});
