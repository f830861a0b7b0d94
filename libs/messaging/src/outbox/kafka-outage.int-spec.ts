import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { kafkaClientSecurity, localEndpoints } from '@platform/config';
import { waitFor } from '@platform/testing';
import type { AvroCodec } from '../codec/avro-codec';
import { createIdempotentProducer } from '../kafka/kafka-settings';
import {
  capturingLogger,
  createTestDatabase,
  createTestTopics,
  enqueueInOwnTransactions,
  eventsForKeys,
  firstSeenOrderByKey,
  readTopic,
  uniqueName,
} from '../testing/messaging-fixture';
import { OutboxRelay } from './outbox-relay';

const run = promisify(execFile);
const infraScript = path.resolve(__dirname, '../../../../infra/bin/infra');

/**
 * A broker of its own (own ports and data directory), started and stopped through the same infra
 * script people use, so stopping it cannot disturb the shared broker other tests are using.
 */
const kafkaPort = 19_000 + Math.floor(Math.random() * 500);
const controllerPort = kafkaPort + 500;
const env = {
  ...process.env,
  INFRA_VAR_DIR: mkdtempSync(path.join(tmpdir(), 'infra-kafka-outage-')),
  KAFKA_PORT: String(kafkaPort),
  KAFKA_CONTROLLER_PORT: String(controllerPort),
  KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
};
const infra = (...args: string[]) => run('bash', [infraScript, ...args], { env });

// Few kafkajs retries: each failed send then ends within seconds, so the relay's own retry loop,
// the thing under test, is what rides out the outage (createKafka's 8 retries would only slow it).
// Built once the broker is up: its credentials are generated into the broker's own INFRA_VAR_DIR.
let kafka: Kafka;
const topic = uniqueName('outage.test-event');
const log = capturingLogger();
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let codec: AvroCodec;
let producer: Producer;
let relay: OutboxRelay | undefined;

beforeAll(async () => {
  // infra writes the format log of a fresh KRaft directory before it creates its log folder.
  mkdirSync(path.join(env.INFRA_VAR_DIR, 'log'), { recursive: true });
  await infra('up', 'kafka');
  kafka = new Kafka({
    clientId: 'kafka-outage-test',
    brokers: [`localhost:${kafkaPort}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
    ...kafkaClientSecurity(localEndpoints(env).kafkaSecurity('admin')),
  });
  database = await createTestDatabase();
  // Creates the topic on the private broker; the schema goes to the shared registry.
  codec = await createTestTopics(kafka, [topic]);
  producer = createIdempotentProducer(kafka);
  await producer.connect();
}, 150_000);

afterAll(async () => {
  await relay?.stop();
  await producer?.disconnect().catch(() => undefined);
  await database?.drop();
  await infra('down', 'kafka');
  rmSync(env.INFRA_VAR_DIR, { recursive: true, force: true });
}, 60_000);

async function publishedCount(): Promise<number> {
  const { rows } = await database.pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM outbox_messages WHERE published_at IS NOT NULL',
  );
  return Number(rows[0]!.n);
}

const failedAttempts = () =>
  log.lines.filter((l) => l['msg'] === 'outbox relay: publishing failed; will retry');

it('Kafka stopped for a while and started again: nothing lost, the relay catches up in order', async () => {
  const keys = 5;
  const perKey = 20;
  const events = eventsForKeys(keys, perKey);
  const beforeOutage = events.slice(0, events.length / 2);
  const duringOutage = events.slice(events.length / 2);

  relay = new OutboxRelay({
    pool: database.pool,
    connectionString: database.url,
    producer,
    codec,
    logger: log.logger,
    batchSize: 20,
  });
  relay.start();
  await enqueueInOwnTransactions(database.pool, topic, beforeOutage);
  await waitFor(async () => (await publishedCount()) === beforeOutage.length, {
    description: 'the events enqueued before the outage to be published',
  });

  await infra('down', 'kafka');
  await enqueueInOwnTransactions(database.pool, topic, duringOutage);
  await waitFor(() => failedAttempts().length > 0, {
    description: 'the relay to log a failed publish attempt',
    timeoutMs: 60_000,
  });
  expect(await publishedCount()).toBe(beforeOutage.length);

  await infra('up', 'kafka');
  await waitFor(async () => (await publishedCount()) === events.length, {
    description: 'every outbox row to be published after the broker came back',
    timeoutMs: 90_000,
  });

  const received = await readTopic(kafka, codec, topic, events.length);
  expect(new Set(received.map((e) => e.envelope.eventId))).toEqual(
    new Set(events.map((e) => e.envelope.eventId)),
  );
  const byKey = firstSeenOrderByKey(received);
  expect(byKey.size).toBe(keys);
  for (const [, sequences] of byKey) {
    expect(sequences).toEqual(Array.from({ length: perKey }, (_, i) => i + 1));
  }
}, 240_000);
