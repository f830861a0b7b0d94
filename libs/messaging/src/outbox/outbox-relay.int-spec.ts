import type { Producer } from 'kafkajs';
import { Pool } from 'pg';
import type { AvroCodec } from '../codec/avro-codec';
import { createIdempotentProducer } from '../kafka/kafka-settings';
import { waitFor } from '@platform/testing';
import {
  capturingLogger,
  createTestDatabase,
  createTestTopics,
  deleteTopics,
  enqueueInOwnTransactions,
  eventsForKeys,
  firstSeenOrderByKey,
  quietKafka,
  readTopic,
  uniqueName,
} from '../testing/messaging-fixture';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

const kafka = quietKafka();
const topic = uniqueName('relay.test-event');
const batchesTopic = uniqueName('relay.batches');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let codec: AvroCodec;
let producer: Producer;

beforeAll(async () => {
  database = await createTestDatabase();
  codec = await createTestTopics(kafka, [topic, batchesTopic]);
  producer = createIdempotentProducer(kafka);
  await producer.connect();
});

/** A relay of the test database, with a quiet logger unless the test brings its own. */
function relayOf(options: Partial<OutboxRelayOptions>): OutboxRelay {
  return new OutboxRelay({
    pool: database.pool,
    connectionString: database.url,
    producer,
    codec,
    logger: capturingLogger().logger,
    ...options,
  });
}

afterAll(async () => {
  await producer?.disconnect();
  await deleteTopics(kafka, [topic, batchesTopic]);
  await database?.drop();
});

it('publishes committed outbox rows in order per key and cleans up published rows', async () => {
  const events = eventsForKeys(10, 20);
  await enqueueInOwnTransactions(database.pool, topic, events);
  const relay = relayOf({
    batchSize: 37,
    retentionMs: 0,
    cleanupIntervalMs: 0,
  });
  relay.start();
  try {
    const received = await readTopic(kafka, codec, topic, events.length);
    for (const [, sequences] of firstSeenOrderByKey(received)) {
      expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
    expect(new Set(received.map((e) => e.envelope.eventId))).toEqual(
      new Set(events.map((e) => e.envelope.eventId)),
    );
    await waitFor(async () => (await database.pool.query('SELECT 1 FROM outbox_messages')).rowCount === 0, {
      description: 'published rows to be cleaned up',
    });
    expect(await relay.backlog()).toBe(0);
  } finally {
    await relay.stop();
  }
});

it('marks each batch published with the query that reads the next one, and sends every row once', async () => {
  const events = eventsForKeys(1, 23);
  await enqueueInOwnTransactions(database.pool, batchesTopic, events);
  const statements: string[] = [];
  const query = jest.spyOn(database.pool, 'query');
  query.mockImplementation(((config: string | { name?: string; text: string }, ...rest: unknown[]) => {
    statements.push(typeof config === 'string' ? config : (config.name ?? config.text));
    return (Pool.prototype.query as (...args: unknown[]) => unknown).call(database.pool, config, ...rest);
  }) as never);
  const relay = relayOf({
    batchSize: 5,
    pollIntervalMs: 600_000,
  });
  relay.start();
  try {
    const received = await readTopic(kafka, codec, batchesTopic, events.length);
    expect(new Set(received.map((e) => e.envelope.eventId)).size).toBe(events.length);
    await waitFor(async () => (await relay.backlog()) === 0, { description: 'every sent row marked' });
    // Had a query re-read the rows it was marking, a batch would be on the topic twice.
    expect(await messagesOn(batchesTopic)).toBe(events.length);
    const reads = statements.filter((s) => s === 'outbox_relay_next_batch').length;
    const marksAlone = statements.filter((s) => s.startsWith('UPDATE outbox_messages')).length;
    // 23 rows in batches of 5: five reads, the later four marking the batch before; the last batch,
    // with nothing after it, is marked alone once the relay idles (or by a read, had it been woken).
    expect(reads).toBeGreaterThanOrEqual(5);
    expect(marksAlone).toBeLessThanOrEqual(1);
  } finally {
    query.mockRestore();
    await relay.stop();
  }
});

async function messagesOn(name: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(name);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  } finally {
    await admin.disconnect();
  }
}

it('wakes on NOTIFY: a row committed while the relay idles is published without waiting for the poll', async () => {
  const relay = relayOf({
    pollIntervalMs: 600_000,
  });
  relay.start();
  try {
    await waitFor(async () => (await relay.backlog()) === 0, { description: 'an idle relay' });
    const [event] = eventsForKeys(1, 1);
    await enqueueInOwnTransactions(database.pool, topic, [event!]);
    await waitFor(
      async () =>
        (
          await database.pool.query(
            'SELECT 1 FROM outbox_messages WHERE event_id = $1 AND published_at IS NOT NULL',
            [event!.envelope.eventId],
          )
        ).rowCount === 1,
      { description: 'the notified row to be published', timeoutMs: 20_000 },
    );
  } finally {
    await relay.stop();
  }
});

it('lets only one relay per database publish at a time', async () => {
  const first = capturingLogger();
  const second = capturingLogger();
  const a = relayOf({ logger: first.logger, pollIntervalMs: 50 });
  const b = relayOf({ logger: second.logger, pollIntervalMs: 50 });
  a.start();
  await waitFor(() => first.lines.some((l) => String(l['msg']).includes('leading')), {
    description: 'relay a to lead',
  });
  b.start();
  try {
    await enqueueInOwnTransactions(database.pool, topic, eventsForKeys(1, 3));
    await waitFor(async () => (await a.backlog()) === 0, { description: 'the rows to be published' });
    expect(second.lines.some((l) => String(l['msg']).includes('leading'))).toBe(false);
    await a.stop();
    await waitFor(() => second.lines.some((l) => String(l['msg']).includes('leading')), {
      description: 'relay b to take over once a released the lock',
    });
  } finally {
    await a.stop();
    await b.stop();
  }
});

it('forgets inbox rows older than the inbox retention, and keeps the recent ones', async () => {
  await database.pool.query(
    `INSERT INTO processed_events (consumer_group, event_id, event_type, topic, processed_at)
     VALUES ('g', 'old-event', 'TestEvent', 't', now() - interval '9 days'), ('g', 'recent-event', 'TestEvent', 't', now())`,
  );
  const relay = relayOf({
    cleanupIntervalMs: 0,
  });
  relay.start();
  try {
    const remaining = async () =>
      (
        await database.pool.query<{ event_id: string }>(
          `SELECT event_id FROM processed_events WHERE consumer_group = 'g'`,
        )
      ).rows.map((row) => row.event_id);
    await waitFor(async () => !(await remaining()).includes('old-event'), {
      description: 'the expired inbox row to go',
    });
    expect(await remaining()).toEqual(['recent-event']);
  } finally {
    await relay.stop();
  }
});
