import type { Consumer, Producer } from 'kafkajs';
import { waitFor } from '@platform/testing';
import type { AvroCodec } from '../codec/avro-codec';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
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
import { startEventConsumer } from './start-event-consumer';

/**
 * A consumer whose kafkajs consumer stops and does not come back (what kafkajs was seen to do after
 * a broker restart) is noticed by its watchdog, said so by health(), and replaced; the events sent
 * meanwhile are applied once it is back.
 */
const kafka = quietKafka();
const topic = uniqueName('recovery.in');
const deadLetterTopic = uniqueName('dead-letters.recovery');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let codec: AvroCodec;
let producer: Producer;
let consumer: KafkaEventConsumer | undefined;
const log = capturingLogger();

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query('CREATE TABLE effects (event_id TEXT NOT NULL, order_id TEXT NOT NULL)');
  codec = await createTestTopics(kafka, [topic, deadLetterTopic], 1);
  producer = createIdempotentProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await consumer?.stop();
  await producer?.disconnect();
  await deleteTopics(kafka, [topic, deadLetterTopic]);
  await database?.drop();
});

const send = (event: TestEvent) => produceEvents(producer, codec, topic, [event]);

const applied = async (event: TestEvent) =>
  (await database.pool.query('SELECT 1 FROM effects WHERE event_id = $1', [event.envelope.eventId]))
    .rowCount === 1;

it('replaces a kafkajs consumer that stopped behind its back, says so meanwhile, and applies what came in', async () => {
  const group = uniqueName('recovery');
  consumer = await startEventConsumer({
    kafka,
    pool: database.pool,
    codec,
    consumerGroup: group,
    deadLetters: new DeadLetterPublisher(producer, deadLetterTopic, group),
    logger: log.logger,
    stallTimeoutMs: 3_000,
    routes: [
      {
        topic,
        eventType: 'TestEvent',
        handle: async (event: TestEvent, tx) => {
          await tx.query('INSERT INTO effects (event_id, order_id) VALUES ($1, $2)', [
            event.envelope.eventId,
            event.orderId,
          ]);
        },
      },
    ],
  });
  const first = testEvent(uniqueName('first'), 1);
  await send(first);
  await waitFor(() => applied(first), { description: 'the first event applied' });
  await waitFor(() => consumer!.health().consuming, {
    description: 'the consumer to report it is consuming',
  });

  // What kafkajs does when it gives up without saying so: its consumer simply stops.
  const inner = (consumer as unknown as { consumer: Consumer }).consumer;
  await inner.stop();
  expect(consumer.health()).toMatchObject({ consuming: false, reason: 'not a member of its group' });
  const second = testEvent(uniqueName('second'), 2);
  await send(second);

  await waitFor(() => applied(second), {
    description: 'the event sent while it was stopped, applied once it is back',
    timeoutMs: 60_000,
  });
  expect(consumer.health().consuming).toBe(true);
  expect(log.lines.some((line) => line['msg'] === 'consumer: replacing it with a new one')).toBe(true);
}, 90_000);
