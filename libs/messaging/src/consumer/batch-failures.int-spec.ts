import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { waitFor } from '@platform/testing';
import type { AvroCodec } from '../codec/avro-codec';
import { headerText } from '../codec/envelope-headers';
import type { Transaction } from '../database/transaction';
import { DEAD_LETTER_HEADER } from '../dead-letter/dead-letter-headers';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { UnprocessableEventError } from '../errors';
import { createIdempotentProducer } from '../kafka/kafka-settings';
import {
  capturingLogger,
  createTestDatabase,
  createTestTopics,
  deleteTopics,
  produceEvents,
  quietKafka,
  testEvent,
  uniqueName,
  type TestEvent,
} from '../testing/messaging-fixture';
import type { KafkaEventConsumer } from './kafka-event-consumer';
import { startEventConsumer, type StartEventConsumerOptions } from './start-event-consumer';

/**
 * What can go wrong with a batch that cannot with one message at a time: a poison message among
 * good ones (the transaction holds them all), and a rebalance while the batch is in flight.
 */
const kafka: Kafka = quietKafka();
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let producer: Producer;
const topics: string[] = [];
const consumers: KafkaEventConsumer[] = [];
const log = capturingLogger();

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(
    'CREATE TABLE effects (id BIGSERIAL PRIMARY KEY, event_id TEXT NOT NULL, order_id TEXT NOT NULL, sequence INT NOT NULL)',
  );
  producer = createIdempotentProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await Promise.all(consumers.map((consumer) => consumer.stop()));
  await producer?.disconnect();
  await deleteTopics(kafka, topics);
  await database?.drop();
});

async function topicsFor(prefix: string, partitions: number) {
  const topic = uniqueName(`${prefix}.in`);
  const deadLetterTopic = uniqueName(`dead-letters.${prefix}`);
  topics.push(topic, deadLetterTopic);
  const codec = await createTestTopics(kafka, [topic, deadLetterTopic], partitions);
  return { topic, deadLetterTopic, codec };
}

const send = (topic: string, codec: AvroCodec, events: TestEvent[]) =>
  produceEvents(producer, codec, topic, events);

async function consume(
  options: Pick<StartEventConsumerOptions, 'codec' | 'consumerGroup' | 'observer' | 'savepointPerEvent'> & {
    topic: string;
    deadLetterTopic: string;
    handle: (event: TestEvent, tx: Transaction) => Promise<void>;
  },
): Promise<KafkaEventConsumer> {
  const consumer = await startEventConsumer({
    kafka,
    pool: database.pool,
    logger: log.logger,
    deadLetters: new DeadLetterPublisher(producer, options.deadLetterTopic, options.consumerGroup),
    retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 50 },
    routes: [{ topic: options.topic, eventType: 'TestEvent', handle: options.handle }],
    ...options,
  });
  consumers.push(consumer);
  return consumer;
}

function recordEffect(calls: Map<string, number>) {
  return async (event: TestEvent, tx: Transaction) => {
    calls.set(event.envelope.eventId, (calls.get(event.envelope.eventId) ?? 0) + 1);
    if (event.orderId.startsWith('poison'))
      throw new UnprocessableEventError('this order can never be applied');
    await tx.query('INSERT INTO effects (event_id, order_id, sequence) VALUES ($1, $2, $3)', [
      event.envelope.eventId,
      event.orderId,
      event.sequence,
    ]);
  };
}

async function effects(events: TestEvent[]): Promise<{ event_id: string; sequence: number }[]> {
  const { rows } = await database.pool.query<{ event_id: string; sequence: number }>(
    'SELECT event_id, sequence FROM effects WHERE event_id = ANY($1::text[]) ORDER BY id',
    [events.map((e) => e.envelope.eventId)],
  );
  return rows;
}

async function deadLetters(topic: string, count: number): Promise<KafkaMessage[]> {
  const messages: KafkaMessage[] = [];
  const reader = kafka.consumer({ groupId: uniqueName('dlq-reader') });
  await reader.connect();
  await reader.subscribe({ topics: [topic], fromBeginning: true });
  await reader.run({ eachMessage: async ({ message }) => void messages.push(message) });
  await waitFor(() => messages.length >= count, { description: `${count} dead letters on ${topic}` });
  await reader.disconnect();
  return messages;
}

/** Twenty events on one key, the tenth poison, all on the topic before the consumer starts (one fetch). */
function batchWithPoisonInTheMiddle(): TestEvent[] {
  const key = uniqueName('order');
  return Array.from({ length: 20 }, (_, i) => testEvent(i === 9 ? `poison-${key}` : key, i + 1));
}

it.each([
  ['split around it (the events before it are applied again)', false],
  ['rolled back to its savepoint (the events before it are applied once)', true],
])(
  'a poison event in the middle of a batch is dead-lettered alone; the rest is applied once, in order: %s',
  async (_how, savepointPerEvent) => {
    const { topic, deadLetterTopic, codec } = await topicsFor('batch-poison', 1);
    const events = batchWithPoisonInTheMiddle();
    const poison = events[9]!;
    const good = events.filter((e) => e !== poison);
    await send(topic, codec, events);
    const calls = new Map<string, number>();
    const transactionSizes: number[] = [];

    await consume({
      topic,
      deadLetterTopic,
      codec,
      consumerGroup: uniqueName('batch-poison'),
      savepointPerEvent,
      observer: { onTransaction: (size) => void transactionSizes.push(size) },
      handle: recordEffect(calls),
    });

    await waitFor(async () => (await effects(good)).length === good.length, {
      description: 'every good event applied',
    });
    const applied = await effects(good);
    expect(applied.map((row) => row.sequence)).toEqual(good.map((e) => e.sequence));
    // It was a batch: the first transaction took more than one event.
    expect(Math.max(...transactionSizes)).toBeGreaterThan(1);
    const [dead] = await deadLetters(deadLetterTopic, 1);
    expect(headerText(dead!.headers, 'event-id')).toBe(poison.envelope.eventId);
    expect(headerText(dead!.headers, DEAD_LETTER_HEADER.errorCode)).toBe('UNPROCESSABLE_EVENT');
    expect(calls.get(poison.envelope.eventId)).toBe(1);
    const before = events.slice(0, 9).map((e) => calls.get(e.envelope.eventId));
    expect(before).toEqual(events.slice(0, 9).map(() => (savepointPerEvent ? 1 : 2)));
  },
);

it('a rebalance while a batch is in flight loses nothing and applies nothing twice', async () => {
  const { topic, deadLetterTopic, codec } = await topicsFor('batch-rebalance', 3);
  const group = uniqueName('batch-rebalance');
  const events = Array.from({ length: 60 }, (_, i) => testEvent(uniqueName(`key${i % 6}`), i + 1));
  await send(topic, codec, events);
  let releaseGate!: () => void;
  const gate = new Promise<void>((resolve) => (releaseGate = resolve));
  let inFirstBatch = false;
  const calls = new Map<string, number>();
  const record = recordEffect(calls);

  await consume({
    topic,
    deadLetterTopic,
    codec,
    consumerGroup: group,
    handle: async (event, tx) => {
      inFirstBatch = true;
      await gate;
      await record(event, tx);
    },
  });
  await waitFor(() => inFirstBatch, { description: 'the first member to be inside its first batch' });

  // A second member joins while the first holds its batch (and its partitions) open. Its start
  // completes only once the group has rebalanced, which needs the first member's batch to end.
  const secondMember = consume({ topic, deadLetterTopic, codec, consumerGroup: group, handle: record });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => (await admin.describeGroups([group])).groups[0]?.state === 'PreparingRebalance',
      { description: 'the group to start rebalancing' },
    );
    releaseGate();
    await secondMember;

    await waitFor(async () => (await effects(events)).length >= events.length, {
      description: 'every event applied',
    });
    const applied = await effects(events);
    expect(applied.map((row) => row.event_id).sort()).toEqual(events.map((e) => e.envelope.eventId).sort());
    await waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        const ends = await admin.fetchTopicOffsets(topic);
        return ends.every(({ partition, high }) =>
          offsets!.partitions.some((p) => p.partition === partition && p.offset === high),
        );
      },
      { description: 'the group to commit every partition to its end' },
    );
    const { groups } = await admin.describeGroups([group]);
    expect(groups[0]!.members).toHaveLength(2);
  } finally {
    releaseGate();
    await admin.disconnect();
  }
}, 120_000);

it('an event holding text PostgreSQL cannot store is dead-lettered when decoded, naming the field; the batch around it is applied once', async () => {
  const { topic, deadLetterTopic, codec } = await topicsFor('batch-nul', 1);
  const key = uniqueName('order');
  const events = Array.from({ length: 20 }, (_, i) => testEvent(i === 9 ? `${key}\u0000` : key, i + 1));
  const unstorable = events[9]!;
  const good = events.filter((e) => e !== unstorable);
  await send(topic, codec, events);
  const calls = new Map<string, number>();
  const transactionSizes: number[] = [];

  await consume({
    topic,
    deadLetterTopic,
    codec,
    consumerGroup: uniqueName('batch-nul'),
    observer: { onTransaction: (size) => void transactionSizes.push(size) },
    handle: recordEffect(calls),
  });

  await waitFor(async () => (await effects(good)).length === good.length, {
    description: 'every storable event applied',
  });
  expect((await effects(good)).map((row) => row.sequence)).toEqual(good.map((e) => e.sequence));
  const [dead] = await deadLetters(deadLetterTopic, 1);
  expect(headerText(dead!.headers, 'event-id')).toBe(unstorable.envelope.eventId);
  expect(headerText(dead!.headers, DEAD_LETTER_HEADER.errorCode)).toBe('INVALID_EVENT');
  expect(headerText(dead!.headers, DEAD_LETTER_HEADER.errorMessage)).toBe(
    'orderId contains a NUL character, which PostgreSQL cannot store',
  );
  expect(headerText(dead!.headers, DEAD_LETTER_HEADER.attempts)).toBe('1');
  // Refused before any handler ran, so no transaction failed: no handler saw it, and none of the
  // others was rolled back and run again.
  expect(calls.has(unstorable.envelope.eventId)).toBe(false);
  expect(good.map((e) => calls.get(e.envelope.eventId))).toEqual(good.map(() => 1));
  expect(Math.max(...transactionSizes)).toBeGreaterThan(1);
});

it('a handler that PostgreSQL refuses for a NUL byte (22021) is dead-lettered at once with the reason, not retried', async () => {
  const { topic, deadLetterTopic, codec } = await topicsFor('batch-22021', 1);
  const key = uniqueName('order');
  const refused = testEvent(`nul-write-${key}`, 1);
  const after = testEvent(key, 2);
  await send(topic, codec, [refused, after]);
  const calls = new Map<string, number>();
  const record = recordEffect(calls);

  await consume({
    topic,
    deadLetterTopic,
    codec,
    consumerGroup: uniqueName('batch-22021'),
    handle: async (event, tx) => {
      if (!event.orderId.startsWith('nul-write')) return record(event, tx);
      calls.set(event.envelope.eventId, (calls.get(event.envelope.eventId) ?? 0) + 1);
      // Text the handler made itself, not the event's: only PostgreSQL can tell.
      await tx.query('INSERT INTO effects (event_id, order_id, sequence) VALUES ($1, $2, $3)', [
        event.envelope.eventId,
        `${event.orderId}\u0000`,
        event.sequence,
      ]);
    },
  });

  const [dead] = await deadLetters(deadLetterTopic, 1);
  expect(headerText(dead!.headers, 'event-id')).toBe(refused.envelope.eventId);
  expect(headerText(dead!.headers, DEAD_LETTER_HEADER.errorCode)).toBe('UNPROCESSABLE_EVENT');
  expect(headerText(dead!.headers, DEAD_LETTER_HEADER.errorMessage)).toMatch(
    /^22021: invalid byte sequence for encoding "UTF8": 0x00/,
  );
  expect(headerText(dead!.headers, DEAD_LETTER_HEADER.attempts)).toBe('1');
  // Once in its batch; a retry (the consumer allows two attempts) would have run it again alone.
  expect(calls.get(refused.envelope.eventId)).toBe(1);
  await waitFor(async () => (await effects([after])).length === 1, { description: 'the event after it' });
  expect(
    log.lines.filter((l) => l['eventId'] === refused.envelope.eventId).map((l) => [l['msg'], l['kind']]),
  ).toEqual([['handler failed permanently', 'permanent']]);
});
