/** An outbox relay process for crash tests; the parent kills it with SIGKILL mid-batch. */
import { Pool } from 'pg';
import { requiredEnv } from './child-process';
import { AvroCodec } from '../codec/avro-codec';
import { createIdempotentProducer, createSchemaRegistry } from '../kafka/kafka-settings';
import { createLogger } from '../logger';
import { OutboxRelay } from '../outbox/outbox-relay';
import { kafkaSettings, quietKafka, testEventSchema } from './messaging-fixture';

async function main(): Promise<void> {
  const DATABASE_URL = requiredEnv('DATABASE_URL');
  const TOPIC = requiredEnv('TOPIC');
  const codec = new AvroCodec(createSchemaRegistry(kafkaSettings()));
  await codec.prepare([{ subject: `${TOPIC}-value`, schema: testEventSchema() }]);
  const producer = createIdempotentProducer(quietKafka());
  await producer.connect();
  const relay = new OutboxRelay({
    pool: new Pool({ connectionString: DATABASE_URL }),
    connectionString: DATABASE_URL,
    producer,
    codec,
    logger: createLogger('relay-worker'),
    batchSize: Number(process.env['BATCH_SIZE'] ?? 50),
  });
  relay.start();
  process.stdout.write('ready\n');
}

void main();
