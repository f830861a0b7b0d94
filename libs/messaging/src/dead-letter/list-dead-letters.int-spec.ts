import type { Producer } from 'kafkajs';
import type { AvroCodec } from '../codec/avro-codec';
import { envelopeHeaders } from '../codec/envelope-headers';
import { RetriesExhaustedError, UnprocessableEventError } from '../errors';
import { createIdempotentProducer } from '../kafka/kafka-settings';
import { TopicNotFoundError } from '../kafka/topic-not-found';
import {
  createTestTopics,
  deleteTopics,
  quietKafka,
  testEvent,
  uniqueName,
} from '../testing/messaging-fixture';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { listDeadLetters } from './list-dead-letters';

const kafka = quietKafka();
const sourceTopic = uniqueName('list-dlq.test-event');
const deadLetterTopic = uniqueName('dead-letters.list');
const emptyDeadLetterTopic = uniqueName('dead-letters.empty');
const groupId = uniqueName('list-dlq');
let codec: AvroCodec;
let producer: Producer;

beforeAll(async () => {
  codec = await createTestTopics(kafka, [sourceTopic, deadLetterTopic, emptyDeadLetterTopic], 2);
  producer = createIdempotentProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  await deleteTopics(kafka, [sourceTopic, deadLetterTopic, emptyDeadLetterTopic]);
});

it('lists each dead letter with its origin, failure and headers, decoding what can be decoded', async () => {
  const publisher = new DeadLetterPublisher(producer, deadLetterTopic, groupId);
  const event = testEvent(uniqueName('order'), 7);
  const failedAt = new Date('2025-01-02T03:04:05.678Z');
  await publisher.publish(
    {
      topic: sourceTopic,
      partition: 1,
      offset: '41',
      key: Buffer.from(event.orderId),
      value: codec.encode(`${sourceTopic}-value`, event),
      headers: envelopeHeaders(event.envelope),
    },
    new UnprocessableEventError('product 42 does not exist'),
    failedAt,
  );
  // Same key: same partition, so the order of the two in the listing is the order of publishing.
  await publisher.publish(
    {
      topic: sourceTopic,
      partition: 1,
      offset: '42',
      key: Buffer.from(event.orderId),
      value: Buffer.from('not avro'),
    },
    new RetriesExhaustedError(5, new Error('connection refused')),
    failedAt,
  );

  const letters = await listDeadLetters({ kafka, deadLetterTopic, codec });

  expect(letters).toHaveLength(2);
  const [unprocessable, undecodable] = letters;
  expect(unprocessable).toMatchObject({
    key: event.orderId,
    eventId: event.envelope.eventId,
    eventType: 'TestEvent',
    originalTopic: sourceTopic,
    originalPartition: 1,
    originalOffset: '41',
    consumerGroup: groupId,
    errorCode: 'UNPROCESSABLE_EVENT',
    errorClass: 'UnprocessableEventError',
    errorMessage: 'product 42 does not exist',
    attempts: 1,
    failedAt: failedAt.toISOString(),
    redriveCount: 0,
    event: {
      orderId: event.orderId,
      sequence: 7,
      envelope: expect.objectContaining({ eventId: event.envelope.eventId }),
    },
  });
  expect(unprocessable!.headers).toMatchObject({
    ...envelopeHeaders(event.envelope),
    'dlq-original-topic': sourceTopic,
    'dlq-error-code': 'UNPROCESSABLE_EVENT',
  });
  expect(unprocessable!.decodeError).toBeUndefined();
  expect(undecodable).toMatchObject({
    partition: unprocessable!.partition,
    offset: String(Number(unprocessable!.offset) + 1),
    eventId: undefined,
    originalOffset: '42',
    errorCode: 'RETRIES_EXHAUSTED',
    errorClass: 'RetriesExhaustedError',
    errorMessage: 'connection refused',
    attempts: 5,
    decodeError: expect.stringContaining('Confluent Avro wire format'),
  });
  expect(undecodable!.value).toEqual(Buffer.from('not avro'));
});

it('returns nothing for an empty dead-letter topic', async () => {
  expect(await listDeadLetters({ kafka, deadLetterTopic: emptyDeadLetterTopic })).toEqual([]);
});

it('names the missing topic and the dead-letter topics that do exist', async () => {
  const error = await listDeadLetters({ kafka, deadLetterTopic: 'dead-letters.no-such-app' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TopicNotFoundError);
  expect((error as TopicNotFoundError).message).toContain('dead-letters.no-such-app does not exist');
  const { candidates } = error as TopicNotFoundError;
  expect(candidates.length).toBeGreaterThan(0);
  expect(candidates.every((topic) => topic.startsWith('dead-letters.'))).toBe(true);
});
