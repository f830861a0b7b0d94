/**
 * A consumer-and-relay process shaped like an app, for the graceful-shutdown test. Each TestEvent
 * adds a row to `effects` and a follow-up event to the outbox; an event whose orderId starts with
 * `gated-` then holds its transaction open until the test inserts its id into `gate`, so the test
 * can send SIGTERM while a message is in flight.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'pg';
import { requiredEnv } from './child-process';
import { AvroCodec } from '../codec/avro-codec';
import { startEventConsumer } from '../consumer/start-event-consumer';
import type { Transaction } from '../database/transaction';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { createIdempotentProducer, createSchemaRegistry } from '../kafka/kafka-settings';
import { createLogger } from '../logger';
import { OutboxRelay } from '../outbox/outbox-relay';
import { onShutdownSignals } from '../shutdown';
import { kafkaSettings, quietKafka, testEvent, testEventSchema, type TestEvent } from './messaging-fixture';

async function waitForGate(tx: Transaction, eventId: string): Promise<void> {
  // Each statement of a read-committed transaction sees rows committed since it began.
  while ((await tx.query('SELECT 1 FROM gate WHERE event_id = $1', [eventId])).rowCount === 0) {
    await delay(50);
  }
}

async function main(): Promise<void> {
  const DATABASE_URL = requiredEnv('DATABASE_URL');
  const TOPIC = requiredEnv('TOPIC');
  const OUTPUT_TOPIC = requiredEnv('OUTPUT_TOPIC');
  const DEAD_LETTER_TOPIC = requiredEnv('DEAD_LETTER_TOPIC');
  const GROUP_ID = requiredEnv('GROUP_ID');
  const logger = createLogger('graceful-worker');
  const pool = new Pool({ connectionString: DATABASE_URL });
  const kafka = quietKafka();
  const codec = new AvroCodec(createSchemaRegistry(kafkaSettings()));
  await codec.prepare([
    { subject: `${TOPIC}-value`, schema: testEventSchema() },
    { subject: `${OUTPUT_TOPIC}-value`, schema: testEventSchema() },
  ]);
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({ pool, connectionString: DATABASE_URL, producer, codec, logger });
  relay.start();
  const handle = async (event: TestEvent, tx: Transaction) => {
    await tx.query('INSERT INTO effects (event_id, order_id) VALUES ($1, $2)', [
      event.envelope.eventId,
      event.orderId,
    ]);
    const followUp = testEvent(event.orderId, event.sequence + 1);
    tx.enqueue({ topic: OUTPUT_TOPIC, key: event.orderId, event: followUp });
    if (event.orderId.startsWith('gated-')) {
      process.stdout.write(`handling ${event.envelope.eventId}\n`);
      await waitForGate(tx, event.envelope.eventId);
    }
  };
  const consumer = await startEventConsumer({
    kafka,
    pool,
    codec,
    consumerGroup: GROUP_ID,
    deadLetters: new DeadLetterPublisher(producer, DEAD_LETTER_TOPIC, GROUP_ID),
    logger,
    routes: [{ topic: TOPIC, eventType: 'TestEvent', handle }],
  });
  onShutdownSignals(
    [
      { name: 'finish the batch in flight and leave the consumer group', run: () => consumer.stop() },
      { name: 'stop the outbox relay', run: () => relay.stop() },
      { name: 'disconnect the producer', run: () => producer.disconnect() },
      { name: 'close the database pool', run: () => pool.end() },
    ],
    logger,
    { timeoutMs: 20_000 },
  );
  process.stdout.write('ready\n');
}

void main();
