import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { SchemaType } from '@kafkajs/confluent-schema-registry';
import type { Kafka, Producer } from 'kafkajs';
import { Pool } from 'pg';
import pino from 'pino';
import { createEnvelope, type EventEnvelope } from '@platform/contracts';
import { localEndpoints } from '@platform/config';
import { createThrowawayDatabase, uniqueName, waitFor } from '@platform/testing';
import { migrate } from '@platform/database';
import { AvroCodec } from '../codec/avro-codec';
import { envelopeHeaders } from '../codec/envelope-headers';
import { inTransaction } from '../database/transaction';
import { createKafka, createSchemaRegistry, type KafkaSettings } from '../kafka/kafka-settings';

/** Test-only event: the envelope plus a per-key sequence number, so ordering can be checked. */
export interface TestEvent {
  envelope: EventEnvelope;
  orderId: string;
  sequence: number;
}

export const envelopeSchema: object = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../schemas/envelope.avsc'), 'utf8'),
);

export function testEventSchema(name = 'TestEvent'): object {
  return {
    type: 'record',
    name,
    namespace: 'platform.test',
    fields: [
      { name: 'envelope', type: envelopeSchema },
      { name: 'orderId', type: 'string' },
      { name: 'sequence', type: 'int' },
    ],
  };
}

export function testEvent(orderId: string, sequence: number, eventType = 'TestEvent'): TestEvent {
  return { envelope: createEnvelope({ eventType, version: 1, source: 'test' }), orderId, sequence };
}

const endpoints = localEndpoints();
export const MESSAGING_MIGRATIONS = path.resolve(__dirname, '../../migrations');

export function kafkaSettings(overrides: Partial<KafkaSettings> = {}): KafkaSettings {
  return {
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    KAFKA_CLIENT_ID: 'messaging-test',
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    // Tests make topics and groups of their own names: the admin principal, a super user.
    ...endpoints.kafkaSecurity('admin'),
    ...overrides,
  };
}

export function quietKafka(settings: KafkaSettings = kafkaSettings()): Kafka {
  // No logger: tests provoke failures on purpose and kafkajs's own error lines would only be noise.
  return createKafka(settings);
}

/** A database of its own, migrated with the messaging tables, dropped by `drop()`. */
export async function createTestDatabase(
  prefix = 'messaging-test',
  { poolSize = 10 }: { poolSize?: number } = {},
): Promise<{
  url: string;
  pool: Pool;
  drop: () => Promise<void>;
}> {
  const database = await createThrowawayDatabase(prefix);
  await migrate({
    databaseUrl: database.url,
    migrationSets: [{ dir: MESSAGING_MIGRATIONS, table: 'messaging_migrations' }],
  });
  const pool = new Pool({ connectionString: database.url, max: poolSize });
  return {
    url: database.url,
    pool,
    drop: async () => {
      await pool.end();
      await database.drop();
    },
  };
}

/** Creates topics and registers the test schema under `<topic>-value` for each. */
export async function createTestTopics(kafka: Kafka, topics: string[], partitions = 3): Promise<AvroCodec> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: partitions })),
    waitForLeaders: true,
  });
  await admin.disconnect();
  const registry = createSchemaRegistry(kafkaSettings());
  const subjects = topics
    .filter((t) => !t.startsWith('dead-letters'))
    .map((topic) => ({ subject: `${topic}-value`, schema: testEventSchema() }));
  for (const { subject, schema } of subjects) {
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
  }
  const codec = new AvroCodec(registry);
  await codec.prepare(subjects);
  return codec;
}

export async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
}

/** A pino logger whose JSON lines land in `lines`, so tests can read what was logged. */
export function capturingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export { uniqueName };

/** Writes events to the outbox, each in its own transaction, as an app's handlers would. */
export async function enqueueInOwnTransactions(
  pool: Pool,
  topic: string,
  events: TestEvent[],
): Promise<void> {
  for (const event of events) {
    await inTransaction(pool, async (tx) => tx.enqueue({ topic, key: event.orderId, event }));
  }
}

/** Reads a topic from the start until `count` messages arrived; returns them decoded, in arrival order per partition. */
export async function readTopic(
  kafka: Kafka,
  codec: AvroCodec,
  topic: string,
  count: number,
): Promise<TestEvent[]> {
  const events: TestEvent[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('reader') });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) =>
      void events.push(await codec.decode<TestEvent>(message.value, `${topic}-value`)),
  });
  try {
    await waitFor(() => events.length >= count, {
      description: `${count} messages on ${topic}`,
      timeoutMs: 60_000,
    });
  } finally {
    await consumer.disconnect();
  }
  return events;
}

/**
 * Per key, the sequence numbers in the order they first appeared. At-least-once delivery may
 * repeat a batch after a crash; what must hold is that nothing overtakes what came before it.
 */
export function firstSeenOrderByKey(events: TestEvent[]): Map<string, number[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  for (const event of events) {
    if (seen.has(event.envelope.eventId)) continue;
    seen.add(event.envelope.eventId);
    byKey.set(event.orderId, [...(byKey.get(event.orderId) ?? []), event.sequence]);
  }
  return byKey;
}

export function eventsForKeys(keys: number, perKey: number, prefix = uniqueName('key')): TestEvent[] {
  const events: TestEvent[] = [];
  for (let sequence = 1; sequence <= perKey; sequence++) {
    for (let k = 0; k < keys; k++) events.push(testEvent(`${prefix}-${k}`, sequence));
  }
  return events;
}

/** Produces test events straight to a topic (acks=all), as an app's relay would, keyed by orderId. */
export async function produceEvents(
  producer: Producer,
  codec: AvroCodec,
  topic: string,
  events: TestEvent[],
): Promise<void> {
  await producer.send({
    topic,
    acks: -1,
    messages: events.map((event) => ({
      key: event.orderId,
      value: codec.encode(`${topic}-value`, event),
      headers: envelopeHeaders(event.envelope),
    })),
  });
}
