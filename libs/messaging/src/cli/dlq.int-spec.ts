import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Producer } from 'kafkajs';
import { localEndpoints } from '@platform/config';
import type { AvroCodec } from '../codec/avro-codec';
import { envelopeHeaders } from '../codec/envelope-headers';
import { DeadLetterPublisher } from '../dead-letter/dead-letter-publisher';
import { UnprocessableEventError } from '../errors';
import { createIdempotentProducer } from '../kafka/kafka-settings';
import {
  createTestTopics,
  deleteTopics,
  quietKafka,
  readTopic,
  testEvent,
  uniqueName,
} from '../testing/messaging-fixture';

const run = promisify(execFile);
const adminSecurity = localEndpoints().kafkaSecurityEnv('admin');
const kafka = quietKafka();
const sourceTopic = uniqueName('dlq-cli.test-event');
const deadLetterTopic = uniqueName('dead-letters.dlq-cli');
let codec: AvroCodec;
let producer: Producer;

/** Runs the CLI as `npm run dlq` would; resolves with its exit code and output whatever the code. */
async function dlq(args: string[], env: Record<string, string> = {}) {
  const script = path.resolve(__dirname, 'dlq.ts');
  return run(process.execPath, ['--conditions=@platform/source', '--import', 'tsx', script, ...args], {
    // The operator principal the CLI uses by default may write only the catalogue's saga topics;
    // re-driving onto this test's own topic takes the admin principal.
    env: { ...process.env, ...adminSecurity, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

beforeAll(async () => {
  codec = await createTestTopics(kafka, [sourceTopic, deadLetterTopic], 1);
  producer = createIdempotentProducer(kafka);
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  await deleteTopics(kafka, [sourceTopic, deadLetterTopic]);
});

it('lists a dead letter as JSON lines and re-drives it by event id to its original topic', async () => {
  const event = testEvent(uniqueName('order'), 1);
  await new DeadLetterPublisher(producer, deadLetterTopic, 'dlq-cli-test').publish(
    {
      topic: sourceTopic,
      partition: 0,
      offset: '5',
      key: Buffer.from(event.orderId),
      value: codec.encode(`${sourceTopic}-value`, event),
      headers: envelopeHeaders(event.envelope),
    },
    new UnprocessableEventError('no such product'),
  );

  const listed = await dlq(['list', deadLetterTopic, '--json']);
  expect(listed).toMatchObject({ code: 0 });
  const lines = listed.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toEqual([
    expect.objectContaining({
      eventId: event.envelope.eventId,
      originalTopic: sourceTopic,
      originalOffset: '5',
      errorCode: 'UNPROCESSABLE_EVENT',
      errorMessage: 'no such product',
    }),
  ]);

  const table = await dlq(['list', deadLetterTopic]);
  expect(table.stdout).toContain(`${deadLetterTopic}: 1 dead-lettered message`);
  expect(table.stdout).toContain(event.envelope.eventId);

  const redriven = await dlq(['redrive', deadLetterTopic, '--event-id', event.envelope.eventId]);
  expect(redriven).toMatchObject({ code: 0 });
  expect(redriven.stdout).toContain('re-drove 1 message(s)');
  const [back] = await readTopic(kafka, codec, sourceTopic, 1);
  expect(back!.envelope.eventId).toBe(event.envelope.eventId);
});

it('explains an unknown topic, an unreachable broker and bad usage through its exit code and message', async () => {
  const unknown = await dlq(['list', 'dead-letters.no-such-app']);
  expect(unknown).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('dead-letters.no-such-app does not exist'),
  });

  const unreachable = await dlq(['list', 'order'], { KAFKA_BROKERS: 'localhost:9' });
  expect(unreachable).toMatchObject({ code: 1, stderr: expect.stringContaining('Kafka is not reachable') });

  const usage = await dlq(['purge', 'order']);
  expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "purge"') });
});
