import type { ChildProcess } from 'node:child_process';
import type { Producer } from 'kafkajs';
import { waitFor } from '@platform/testing';
import type { AvroCodec } from './codec/avro-codec';
import { envelopeHeaders } from './codec/envelope-headers';
import { createIdempotentProducer } from './kafka/kafka-settings';
import { exited, startWorker } from './testing/child-process';
import {
  createTestDatabase,
  createTestTopics,
  deleteTopics,
  enqueueInOwnTransactions,
  eventsForKeys,
  firstSeenOrderByKey,
  produceEvents,
  quietKafka,
  readTopic,
  testEvent,
  uniqueName,
  type TestEvent,
} from './testing/messaging-fixture';

const kafka = quietKafka();
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let producer: Producer;
const children: ChildProcess[] = [];
const topics: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query('CREATE TABLE effects (event_id TEXT NOT NULL, order_id TEXT NOT NULL)');
  producer = createIdempotentProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await producer?.disconnect();
  await deleteTopics(kafka, topics);
  await database?.drop();
});

async function topicWithCodec(prefix: string, partitions = 3): Promise<{ topic: string; codec: AvroCodec }> {
  const topic = uniqueName(prefix);
  topics.push(topic);
  return { topic, codec: await createTestTopics(kafka, [topic], partitions) };
}

async function totalEffects(events: TestEvent[]): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM effects WHERE order_id = ANY($1::text[])',
    [events.map((e) => e.orderId)],
  );
  return Number(rows[0]!.n);
}

async function distinctEffects(events: TestEvent[]): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(
    'SELECT count(DISTINCT order_id) AS n FROM effects WHERE order_id = ANY($1::text[])',
    [events.map((e) => e.orderId)],
  );
  return Number(rows[0]!.n);
}

async function effectsOf(orderId: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM effects WHERE order_id = $1',
    [orderId],
  );
  return Number(rows[0]!.n);
}

it('a consumer killed after its database commit and before its offset commit has exactly one effect after restart', async () => {
  const { topic, codec } = await topicWithCodec('crash.consumer', 1);
  const deadLetterTopic = uniqueName('dead-letters.crash');
  topics.push(deadLetterTopic);
  await createTestTopics(kafka, [deadLetterTopic], 1);
  const env = {
    DATABASE_URL: database.url,
    TOPIC: topic,
    DEAD_LETTER_TOPIC: deadLetterTopic,
    GROUP_ID: uniqueName('crash'),
  };
  const victim = testEvent(uniqueName('victim'), 1);
  const send = (event: TestEvent) =>
    producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: event.orderId,
          value: codec.encode(`${topic}-value`, event),
          headers: envelopeHeaders(event.envelope),
        },
      ],
    });

  const first = await startWorker('consumer-worker.ts', {
    ...env,
    CRASH_ON_EVENT_ID: victim.envelope.eventId,
  });
  children.push(first);
  await send(victim);
  await exited(first);
  expect(first.signalCode).toBe('SIGKILL');
  expect(await effectsOf(victim.orderId)).toBe(1);

  children.push(await startWorker('consumer-worker.ts', env));
  const marker = testEvent(uniqueName('marker'), 1);
  await send(marker);
  await waitFor(async () => (await effectsOf(marker.orderId)) === 1, {
    description: 'the restarted consumer to catch up',
  });
  expect(await effectsOf(victim.orderId)).toBe(1);
}, 120_000);

it('a consumer killed after a batch transaction and before its offset commit applies every event of the batch once after restart', async () => {
  const { topic, codec } = await topicWithCodec('crash.batch', 1);
  const deadLetterTopic = uniqueName('dead-letters.crash-batch');
  topics.push(deadLetterTopic);
  await createTestTopics(kafka, [deadLetterTopic], 1);
  const env = {
    DATABASE_URL: database.url,
    TOPIC: topic,
    DEAD_LETTER_TOPIC: deadLetterTopic,
    GROUP_ID: uniqueName('crash-batch'),
  };
  // All on the topic before the consumer starts: its first fetch brings them as one batch.
  const events = Array.from({ length: 30 }, (_, i) => testEvent(uniqueName('batch'), i + 1));
  await produceEvents(producer, codec, topic, events);

  const first = await startWorker('consumer-worker.ts', {
    ...env,
    CRASH_ON_EVENT_ID: events[4]!.envelope.eventId,
  });
  children.push(first);
  await exited(first);
  expect(first.signalCode).toBe('SIGKILL');
  const appliedBeforeCrash = await totalEffects(events);
  // The batch holding the fifth event committed in the database (the four before it with it); its offsets did not.
  expect(appliedBeforeCrash).toBeGreaterThanOrEqual(5);

  children.push(await startWorker('consumer-worker.ts', env));
  await waitFor(
    async () =>
      (await totalEffects(events)) === events.length && (await distinctEffects(events)) === events.length,
    {
      description: 'every event applied after the restart',
    },
  );
  for (const event of events) expect(await effectsOf(event.orderId)).toBe(1);
}, 120_000);

it('a relay killed mid-batch and restarted gets every outbox row to Kafka, in order per key', async () => {
  const { topic, codec } = await topicWithCodec('crash.relay');
  const events = eventsForKeys(20, 60);
  await enqueueInOwnTransactions(database.pool, topic, events);
  const published = async () =>
    Number(
      (
        await database.pool.query(
          'SELECT count(*) AS n FROM outbox_messages WHERE topic = $1 AND published_at IS NOT NULL',
          [topic],
        )
      ).rows[0].n,
    );

  const first = await startWorker('relay-worker.ts', {
    DATABASE_URL: database.url,
    TOPIC: topic,
    BATCH_SIZE: '20',
  });
  children.push(first);
  await waitFor(async () => (await published()) > 0, {
    description: 'the relay to publish its first batches',
    intervalMs: 5,
  });
  first.kill('SIGKILL');
  await exited(first);
  const publishedAtKill = await published();
  expect(publishedAtKill).toBeLessThan(events.length);

  children.push(
    await startWorker('relay-worker.ts', { DATABASE_URL: database.url, TOPIC: topic, BATCH_SIZE: '20' }),
  );
  await waitFor(async () => (await published()) === events.length, {
    description: 'every row published',
    timeoutMs: 60_000,
  });

  const received = await readTopic(kafka, codec, topic, events.length);
  expect(new Set(received.map((e) => e.envelope.eventId))).toEqual(
    new Set(events.map((e) => e.envelope.eventId)),
  );
  for (const [, sequences] of firstSeenOrderByKey(received)) {
    expect(sequences).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  }
}, 120_000);
