import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { waitFor } from '@platform/testing';
import type { AvroCodec } from '../codec/avro-codec';
import { envelopeHeaders, headerText } from '../codec/envelope-headers';
import { DEAD_LETTER_HEADER } from '../dead-letter/dead-letter-headers';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { redriveDeadLetters } from '../dead-letter/redrive';
import { UnprocessableEventError } from '../errors';
import { createIdempotentProducer } from '../kafka/kafka-settings';
import {
  capturingLogger,
  createTestDatabase,
  createTestTopics,
  deleteTopics,
  quietKafka,
  testEvent,
  uniqueName,
  type TestEvent,
} from '../testing/messaging-fixture';
import type { Transaction } from '../database/transaction';
import type { KafkaEventConsumer } from './kafka-event-consumer';
import { startEventConsumer } from './start-event-consumer';

const kafka: Kafka = quietKafka();
const topic = uniqueName('inbox.test-event');
const deadLetterTopic = uniqueName('dead-letters.inbox');
const groupId = uniqueName('inbox-test');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let codec: AvroCodec;
let producer: Producer;
let consumer: KafkaEventConsumer | undefined;
const log = capturingLogger();

/** The handler's behaviour, switched by each test. */
let behaviour: (event: TestEvent, attempt: number) => void = () => undefined;
const attempts = new Map<string, number>();

async function applyEffect(event: TestEvent, tx: Transaction): Promise<void> {
  const attempt = (attempts.get(event.envelope.eventId) ?? 0) + 1;
  attempts.set(event.envelope.eventId, attempt);
  behaviour(event, attempt);
  await tx.query('INSERT INTO effects (event_id, order_id) VALUES ($1, $2)', [
    event.envelope.eventId,
    event.orderId,
  ]);
}

async function effectsOf(orderId: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM effects WHERE order_id = $1',
    [orderId],
  );
  return Number(rows[0]!.n);
}

async function send(event: TestEvent | Buffer, key = 'k'): Promise<void> {
  const value = Buffer.isBuffer(event) ? event : codec.encode(`${topic}-value`, event);
  const headers = Buffer.isBuffer(event) ? {} : envelopeHeaders(event.envelope);
  await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
}

async function deadLetters(): Promise<KafkaMessage[]> {
  const messages: KafkaMessage[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader') });
  await consumer.connect();
  await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
  const admin = kafka.admin();
  await admin.connect();
  const total = (await admin.fetchTopicOffsets(deadLetterTopic)).reduce((sum, p) => sum + Number(p.high), 0);
  await admin.disconnect();
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  await waitFor(() => messages.length >= total, { description: 'the dead-letter topic to be read' });
  await consumer.disconnect();
  return messages;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query('CREATE TABLE effects (event_id TEXT NOT NULL, order_id TEXT NOT NULL)');
  codec = await createTestTopics(kafka, [topic, deadLetterTopic], 1);
  producer = createIdempotentProducer(kafka);
  await producer.connect();
  consumer = await startEventConsumer({
    kafka,
    pool: database.pool,
    codec,
    consumerGroup: groupId,
    deadLetters: new DeadLetterPublisher(producer, deadLetterTopic, groupId),
    logger: log.logger,
    retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 },
    routes: [{ topic, eventType: 'TestEvent', handle: applyEffect }],
  });
});

afterAll(async () => {
  await consumer?.stop();
  await producer?.disconnect();
  await deleteTopics(kafka, [topic, deadLetterTopic]);
  await database?.drop();
});

beforeEach(() => {
  behaviour = () => undefined;
});

it('applies a redelivered event (same eventId) exactly once', async () => {
  const event = testEvent(uniqueName('order'), 1);
  const marker = testEvent(event.orderId + '-marker', 1);

  await send(event);
  await send(event);
  await send(marker);

  await waitFor(async () => (await effectsOf(marker.orderId)) === 1, {
    description: 'the marker after the duplicate',
  });
  expect(await effectsOf(event.orderId)).toBe(1);
  const { rows } = await database.pool.query('SELECT * FROM processed_events WHERE event_id = $1', [
    event.envelope.eventId,
  ]);
  expect(rows).toHaveLength(1);
  expect(log.lines.some((l) => l['eventId'] === event.envelope.eventId && l['outcome'] === 'duplicate')).toBe(
    true,
  );
});

it('retries a transient failure with backoff, logs each attempt, then succeeds once', async () => {
  const event = testEvent(uniqueName('order'), 1);
  behaviour = (e, attempt) => {
    if (e.envelope.eventId === event.envelope.eventId && attempt < 3)
      throw new Error(`database hiccup ${attempt}`);
  };

  await send(event);

  await waitFor(async () => (await effectsOf(event.orderId)) === 1, {
    description: 'the event to succeed on its third try',
  });
  const retries = log.lines.filter(
    (l) => l['eventId'] === event.envelope.eventId && l['msg'] === 'handler failed; retrying',
  );
  expect(retries.map((l) => l['attempt'])).toEqual([1, 2]);
  expect(retries[0]).toMatchObject({
    maxAttempts: 3,
    err: 'database hiccup 1',
    correlationId: event.envelope.correlationId,
  });
});

it('dead-letters a poison message with its origin and reason, moves on, and re-drives it once fixed', async () => {
  const poison = testEvent(uniqueName('poison'), 1);
  const next = testEvent(uniqueName('next'), 2);
  let fixed = false;
  behaviour = (e) => {
    if (!fixed && e.envelope.eventId === poison.envelope.eventId)
      throw new UnprocessableEventError('sku does not exist');
  };

  await send(poison);
  await send(Buffer.from('definitely not avro'));
  await send(next);

  await waitFor(async () => (await effectsOf(next.orderId)) === 1, {
    description: 'the message after the poison ones',
  });
  const dead = await deadLetters();
  const byCode = new Map(dead.map((m) => [headerText(m.headers, DEAD_LETTER_HEADER.errorCode), m]));
  const unprocessable = byCode.get('UNPROCESSABLE_EVENT')!;
  expect(headerText(unprocessable.headers, DEAD_LETTER_HEADER.originalTopic)).toBe(topic);
  expect(headerText(unprocessable.headers, DEAD_LETTER_HEADER.originalPartition)).toBe('0');
  expect(headerText(unprocessable.headers, DEAD_LETTER_HEADER.originalOffset)).toMatch(/^\d+$/);
  expect(headerText(unprocessable.headers, DEAD_LETTER_HEADER.consumerGroup)).toBe(groupId);
  expect(headerText(unprocessable.headers, DEAD_LETTER_HEADER.errorClass)).toBe('UnprocessableEventError');
  expect(headerText(unprocessable.headers, DEAD_LETTER_HEADER.errorMessage)).toBe('sku does not exist');
  expect(headerText(unprocessable.headers, 'event-id')).toBe(poison.envelope.eventId);
  const undecodable = byCode.get('UNDECODABLE_MESSAGE')!;
  expect(undecodable.value?.toString()).toBe('definitely not avro');
  expect(headerText(undecodable.headers, DEAD_LETTER_HEADER.errorClass)).toBe('UndecodableMessageError');
  expect(await effectsOf(poison.orderId)).toBe(0);

  fixed = true;
  const { redriven } = await redriveDeadLetters({
    kafka,
    deadLetterTopic,
    eventIds: [poison.envelope.eventId],
  });

  expect(redriven).toEqual([expect.objectContaining({ eventId: poison.envelope.eventId, topic })]);
  await waitFor(async () => (await effectsOf(poison.orderId)) === 1, {
    description: 'the re-driven event to be applied',
  });
  const again = await redriveDeadLetters({ kafka, deadLetterTopic, eventIds: [poison.envelope.eventId] });
  expect(again.redriven).toHaveLength(1);
  const marker = testEvent(uniqueName('marker'), 1);
  await send(marker);
  await waitFor(async () => (await effectsOf(marker.orderId)) === 1, {
    description: 'a marker after the second re-drive',
  });
  expect(await effectsOf(poison.orderId)).toBe(1);
});
