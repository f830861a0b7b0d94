import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaClientSecurity, localEndpoints } from '@platform/config';
import { uniqueName, waitFor } from '@platform/testing';

const endpoints = localEndpoints();
const kafka = new Kafka({
  clientId: 'infra-test',
  brokers: endpoints.kafkaBrokers,
  logLevel: logLevel.NOTHING,
  ...kafkaClientSecurity(localEndpoints().kafkaSecurity('admin')),
});
const registry = new SchemaRegistry({ host: endpoints.schemaRegistryUrl });
const admin = kafka.admin();

const greetingSchema = {
  type: 'record',
  name: 'Greeting',
  namespace: 'infra.test',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amountMinor', type: 'long' },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

beforeAll(() => admin.connect());
afterAll(() => admin.disconnect());

describe('kafkajs against the local broker', () => {
  it('creates, lists and describes topics through the admin API', async () => {
    const topic = uniqueName('infra.admin');
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    try {
      expect(await admin.listTopics()).toContain(topic);
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0]?.partitions).toHaveLength(3);
    } finally {
      await admin.deleteTopics({ topics: [topic] });
    }
  });

  it('round-trips a Confluent-wire-format Avro message through a consumer group and commits its offset', async () => {
    const topic = uniqueName('infra.roundtrip');
    const groupId = uniqueName('infra-roundtrip-group');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const { id: schemaId } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(greetingSchema) },
      { subject: `${topic}-value` },
    );
    const sent = { id: 'order-1', amountMinor: 12_345, note: 'hello' };
    const encoded = await registry.encode(schemaId, sent);
    // Confluent wire format: magic byte 0, then the 4-byte big-endian schema id, then the Avro body.
    expect(encoded[0]).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(schemaId);

    const producer = kafka.producer({ idempotent: true });
    const consumer = kafka.consumer({ groupId });
    await producer.connect();
    await consumer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: [{ key: sent.id, value: encoded }] });
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const received: unknown[] = [];
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ message, partition }) => {
          received.push(await registry.decode(message.value as Buffer));
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
        },
      });
      await waitFor(() => received.length > 0, { description: 'the message to be consumed' });
      expect(received).toEqual([sent]);

      const committed = await waitFor(
        async () => {
          const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
          return offsets?.partitions[0]?.offset === '1' ? offsets : undefined;
        },
        { description: 'the committed offset to be visible to the admin API' },
      );
      expect(committed.topic).toBe(topic);
      await consumer.stop();
      const { groups } = await admin.describeGroups([groupId]);
      expect(groups[0]?.groupId).toBe(groupId);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] });
    }
  });
});
