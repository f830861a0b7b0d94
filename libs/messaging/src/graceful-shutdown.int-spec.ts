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
  quietKafka,
  testEvent,
  uniqueName,
  type TestEvent,
} from './testing/messaging-fixture';

const kafka = quietKafka();
const topic = uniqueName('shutdown.in');
const outputTopic = uniqueName('shutdown.out');
const deadLetterTopic = uniqueName('dead-letters.shutdown');
const groupId = uniqueName('shutdown');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let codec: AvroCodec;
let producer: Producer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query('CREATE TABLE effects (event_id TEXT NOT NULL, order_id TEXT NOT NULL)');
  await database.pool.query('CREATE TABLE gate (event_id TEXT PRIMARY KEY)');
  // One partition, so "the group's committed offset" is a single number to check.
  codec = await createTestTopics(kafka, [topic, outputTopic, deadLetterTopic], 1);
  producer = createIdempotentProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await producer?.disconnect();
  await deleteTopics(kafka, [topic, outputTopic, deadLetterTopic]);
  await database?.drop();
});

/** Starts the worker and keeps everything it prints, so the test can wait for its log lines. */
async function startGracefulWorker(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = await startWorker('graceful-worker.ts', {
    DATABASE_URL: database.url,
    TOPIC: topic,
    OUTPUT_TOPIC: outputTopic,
    DEAD_LETTER_TOPIC: deadLetterTopic,
    GROUP_ID: groupId,
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function send(event: TestEvent): Promise<void> {
  await producer.send({
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
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(sql, params);
  return Number(rows[0]!.n);
}

const effectsOf = (orderId: string) =>
  count('SELECT count(*) AS n FROM effects WHERE order_id = $1', [orderId]);

async function committedOffset(): Promise<string | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return offsets?.partitions.find((p) => p.partition === 0)?.offset;
  } finally {
    await admin.disconnect();
  }
}

it('on SIGTERM finishes the message in flight, commits its offset, stops the relay and exits 0', async () => {
  const first = await startGracefulWorker();
  const victim = testEvent(uniqueName('gated-order'), 1);
  await send(victim);
  await waitFor(() => first.output().includes(`handling ${victim.envelope.eventId}`), {
    description: 'the worker to be inside the slow handler',
  });

  first.child.kill('SIGTERM');
  await waitFor(() => first.output().includes('shutting down'), {
    description: 'the worker to start shutting down',
  });
  // Released only now: the handler's work is genuinely in flight when the signal arrives.
  await database.pool.query('INSERT INTO gate (event_id) VALUES ($1)', [victim.envelope.eventId]);
  await exited(first.child);

  expect({ code: first.child.exitCode, output: first.output() }).toMatchObject({ code: 0 });
  expect(first.output()).toContain('shutdown complete');
  expect(await effectsOf(victim.orderId)).toBe(1);
  // The victim was offset 0: the group resumes after it, not at it.
  expect(await committedOffset()).toBe('1');

  const second = await startGracefulWorker();
  const marker = testEvent(uniqueName('marker'), 1);
  await send(marker);
  await waitFor(async () => (await effectsOf(marker.orderId)) === 1, {
    description: 'the restarted worker to apply the marker',
  });
  expect(await effectsOf(victim.orderId)).toBe(1);
  // Not even delivered again (a redelivery would log "duplicate event ignored" with its id).
  expect(second.output()).not.toContain(victim.envelope.eventId);
  // The follow-up the in-flight handler wrote to the outbox is not lost either: a relay publishes it.
  await waitFor(
    async () =>
      (await count(
        'SELECT count(*) AS n FROM outbox_messages WHERE message_key = $1 AND published_at IS NOT NULL',
        [victim.orderId],
      )) === 1,
    { description: "the victim's follow-up event to be published" },
  );

  second.child.kill('SIGTERM');
  await exited(second.child);
  expect(second.child.exitCode).toBe(0);
}, 120_000);
