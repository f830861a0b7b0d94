/**
 * A consumer process for crash tests: applies TestEvents to an `effects` table through the inbox.
 * With CRASH_ON_EVENT_ID set, it kills itself with SIGKILL after that event's transaction
 * committed and before its offset is committed: the window at-least-once delivery must survive.
 */
import { Pool } from 'pg';
import { requiredEnv } from './child-process';
import { HEADER, headerText } from '../codec/envelope-headers';
import { startEventConsumer } from '../consumer/start-event-consumer';
import type { Transaction } from '../database/transaction';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { AvroCodec } from '../codec/avro-codec';
import { createIdempotentProducer, createSchemaRegistry } from '../kafka/kafka-settings';
import { createLogger } from '../logger';
import { kafkaSettings, quietKafka, testEventSchema, type TestEvent } from './messaging-fixture';

async function main(): Promise<void> {
  const DATABASE_URL = requiredEnv('DATABASE_URL');
  const TOPIC = requiredEnv('TOPIC');
  const DEAD_LETTER_TOPIC = requiredEnv('DEAD_LETTER_TOPIC');
  const GROUP_ID = requiredEnv('GROUP_ID');
  const pool = new Pool({ connectionString: DATABASE_URL });
  const kafka = quietKafka();
  const codec = new AvroCodec(createSchemaRegistry(kafkaSettings()));
  await codec.prepare([{ subject: `${TOPIC}-value`, schema: testEventSchema() }]);
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  await startEventConsumer({
    kafka,
    pool,
    codec,
    consumerGroup: GROUP_ID,
    deadLetters: new DeadLetterPublisher(producer, DEAD_LETTER_TOPIC, GROUP_ID),
    logger: createLogger('consumer-worker'),
    routes: [
      {
        topic: TOPIC,
        eventType: 'TestEvent',
        handle: async (event: TestEvent, tx: Transaction) => {
          await tx.query('INSERT INTO effects (event_id, order_id) VALUES ($1, $2)', [
            event.envelope.eventId,
            event.orderId,
          ]);
        },
      },
    ],
    // The killed member's session must expire before its partition moves to the restarted one.
    sessionTimeoutMs: 6_000,
    beforeOffsetCommit: (messages) => {
      const victim = process.env['CRASH_ON_EVENT_ID'];
      if (victim && messages.some((message) => headerText(message.headers, HEADER.eventId) === victim)) {
        process.kill(process.pid, 'SIGKILL');
      }
    },
  });
  process.stdout.write('ready\n');
}

void main();
