import { localEndpoints } from '@platform/config';
import {
  envelopeHeaders,
  createIdempotentProducer,
  DeadLetterPublisher,
  UnprocessableEventError,
} from '@platform/messaging';
import { uniqueName } from '@platform/testing';
import { valueSubject } from '@platform/contracts';
import type { Producer } from 'kafkajs';
import { runEvents } from '../cli/events-program';
import { readTopicsToEnd } from '../reading/read-topics';
import { type SagaTestTopics, createSagaTestTopics } from '../testing/saga-test-topics';
import { orderStory } from '../testing/order-story';
import { NO_COLORS } from '../text/colors';

const adminSecurity = localEndpoints().kafkaSecurityEnv('admin');
let saga: SagaTestTopics;
let producer: Producer;
const deadLetterTopic = uniqueName('dead-letters.events-cli-test');

async function events(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvents(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    // The operator principal the CLI uses by default may write only the catalogue's saga topics;
    // re-driving onto this test's own prefixed topics takes the admin principal.
    env: { ...process.env, ...adminSecurity },
    colors: NO_COLORS,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  saga = await createSagaTestTopics('events-cli-dlq');
  const admin = saga.kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: deadLetterTopic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  producer = createIdempotentProducer(saga.kafka);
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  const admin = saga.kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [deadLetterTopic] }).catch(() => undefined);
  await admin.disconnect();
  await saga?.remove();
});

it('`events dlq list` shows a dead-lettered message, and `events dlq redrive` sends it back to its topic', async () => {
  const [placed] = orderStory(uniqueName('order'), 'pending');
  const source = saga.topicOf('OrderPlaced');
  await new DeadLetterPublisher(producer, deadLetterTopic, 'inventory-test').publish(
    {
      topic: source,
      partition: 1,
      offset: '42',
      key: Buffer.from(placed!.orderId),
      value: saga.codec.encode(valueSubject(source), placed),
      headers: envelopeHeaders(placed!.envelope),
    },
    new UnprocessableEventError('no such product: SKU-MUG'),
  );

  const json = await events(['dlq', 'list', deadLetterTopic, '--json', '--decode']);
  expect(json).toMatchObject({ code: 0, stderr: '' });
  expect(
    json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown),
  ).toEqual([
    expect.objectContaining({
      deadLetterTopic,
      eventId: placed!.envelope.eventId,
      eventType: 'OrderPlaced',
      originalTopic: source,
      originalPartition: 1,
      originalOffset: '42',
      errorCode: 'UNPROCESSABLE_EVENT',
      errorMessage: 'no such product: SKU-MUG',
      event: expect.objectContaining({ orderId: placed!.orderId }),
    }),
  ]);

  const table = await events(['dlq', 'list', deadLetterTopic]);
  expect(table.stdout).toContain(`${deadLetterTopic}: 1 dead-lettered message`);
  expect(table.stdout).toMatch(
    new RegExp(`${placed!.envelope.eventId} +OrderPlaced +${source}/1/42 +UNPROCESSABLE_EVENT`),
  );

  const unknownId = await events(['dlq', 'redrive', deadLetterTopic, '--event-id', 'no-such-event']);
  expect(unknownId).toMatchObject({ code: 1, stdout: expect.stringContaining('not found in') });

  const redriven = await events(['dlq', 'redrive', deadLetterTopic, '--event-id', placed!.envelope.eventId]);
  expect(redriven).toMatchObject({
    code: 0,
    stdout: expect.stringContaining('re-drove 1 message (the selected events)'),
  });
  const back: string[] = [];
  await readTopicsToEnd({
    kafka: saga.kafka,
    topics: [source],
    onRecord: (r) => void back.push(r.key ?? ''),
  });
  expect(back).toEqual([placed!.orderId]);
});

it('names a dead-letter topic that does not exist and how to create the real ones', async () => {
  const result = await events(['dlq', 'list', 'dead-letters.no-such-app']);

  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Topic dead-letters.no-such-app does not exist on the broker.');
  expect(result.stderr).toContain('npm run contracts:apply');
});
