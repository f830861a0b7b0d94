import { kafkaClientSecurity, localEndpoints } from '@platform/config';
import { uniqueName, waitFor } from '@platform/testing';
import { type KafkaMessage, Kafka, logLevel } from 'kafkajs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CATALOGUE_ENTRIES, EVENT_CATALOGUE } from '../catalogue/event-catalogue';
import { valueSubject } from '../catalogue/value-subject';
import type { AvroRecordSchema } from '../schemas/avro-schema';
import { avroType } from '../schemas/avro-type';
import { type EditedSchemaDirectory, editedSchemaDirectory } from '../testing/edited-schema-directory';
import { schemaRejection } from '../testing/schema-rejection';
import { sampleEvents } from '../testing/sample-events';
import { applyContracts } from './apply-contracts';
import { SchemaRegistryClient } from './registry-client';

// Everything happens under a prefix of its own, so the real topics and subjects are never touched.
const prefix = `${uniqueName('contracts-test')}.`;
const placedTopic = `${prefix}orders.order-placed`;
const placedSubject = valueSubject(placedTopic);
const { kafkaBrokers, schemaRegistryUrl } = localEndpoints();
const registry = new SchemaRegistryClient(schemaRegistryUrl);
const kafka = new Kafka({
  clientId: 'contracts-int-spec',
  brokers: kafkaBrokers,
  logLevel: logLevel.NOTHING,
  ...kafkaClientSecurity(localEndpoints().kafkaSecurity('admin')),
});
const admin = kafka.admin();
const editedDirectories: EditedSchemaDirectory[] = [];

function orderPlacedEditedBy(edit: (schema: AvroRecordSchema) => AvroRecordSchema): string {
  const edited = editedSchemaDirectory('order-placed.avsc', edit);
  editedDirectories.push(edited);
  return edited.dir;
}

beforeAll(() => admin.connect());

afterAll(async () => {
  editedDirectories.forEach((edited) => edited.remove());
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  await admin.disconnect();
  for (const entry of CATALOGUE_ENTRIES) await registry.deleteSubject(valueSubject(prefix + entry.topic));
});

describe('applying the contracts to the real broker and registry', () => {
  it('creates every topic and registers every schema with its compatibility level (FULL_TRANSITIVE but for OrderCancelled)', async () => {
    const report = await applyContracts({ namePrefix: prefix });

    expect(report.topics.map((t) => [t.topic, t.created, t.actualPartitions])).toEqual([
      ...CATALOGUE_ENTRIES.map((e) => [prefix + e.topic, true, 3]),
      ...['order', 'inventory', 'payment', 'notification'].map((app) => [
        `${prefix}dead-letters.${app}`,
        true,
        3,
      ]),
    ]);
    expect(report.subjects.map((s) => [s.subject, s.registered, s.version])).toEqual(
      CATALOGUE_ENTRIES.map((e) => [valueSubject(prefix + e.topic), true, 1]),
    );
    for (const entry of CATALOGUE_ENTRIES) {
      const subject = valueSubject(prefix + entry.topic);
      expect(await registry.subjectCompatibility(subject)).toBe(entry.compatibility);
      expect(await registry.lookup(subject, JSON.stringify(entry.schema))).toMatchObject({ version: 1 });
    }
  });

  it('changes nothing when run again', async () => {
    const report = await applyContracts({ namePrefix: prefix });

    expect(report.topics.filter((t) => t.created)).toEqual([]);
    expect(report.subjects.filter((s) => s.registered || s.compatibilityChanged)).toEqual([]);
  });

  it('rejects a field added without a default, naming subject and field, and registers nothing', async () => {
    const schemaDir = orderPlacedEditedBy((schema) => ({
      ...schema,
      fields: [...schema.fields, { name: 'giftWrap', type: 'boolean', doc: 'Wrap the parcel.' }],
    }));

    const error = await schemaRejection(applyContracts({ namePrefix: prefix, schemaDir }));

    expect(error.code).toBe('SCHEMA_INCOMPATIBLE');
    expect(error.incompatibilities).toEqual([
      expect.objectContaining({
        subject: placedSubject,
        reasons: [expect.stringMatching(/^field `giftWrap` added without a default/)],
      }),
    ]);
    expect(error.message).toContain(`Subject \`${placedSubject}\``);
    expect(await registry.versions(placedSubject)).toEqual([1]);
  });

  it('rejects removing a field that consumers on the old version need', async () => {
    const schemaDir = orderPlacedEditedBy((schema) => ({
      ...schema,
      fields: schema.fields.filter((field) => field.name !== 'customerId'),
    }));

    const error = await schemaRejection(applyContracts({ namePrefix: prefix, schemaDir }));

    expect(error.incompatibilities).toEqual([
      expect.objectContaining({
        subject: placedSubject,
        reasons: [
          expect.stringMatching(/^field `customerId` removed, but consumers still on version 1 need it/),
        ],
      }),
    ]);
    expect(await registry.versions(placedSubject)).toEqual([1]);
  });

  it('accepts an optional field with a default, and a consumer on the old schema reads what the new one writes', async () => {
    const schemaDir = orderPlacedEditedBy((schema) => ({
      ...schema,
      fields: [
        ...schema.fields,
        { name: 'giftMessage', type: ['null', 'string'], default: null, doc: 'Printed on the packing slip.' },
      ],
    }));

    const report = await applyContracts({ namePrefix: prefix, schemaDir });

    const placed = report.subjects.find((s) => s.subject === placedSubject)!;
    // Registry version 2 of this test's fresh subject; the catalogue's OrderPlaced is at version 2 already.
    expect(placed).toMatchObject({ registered: true, version: 2, catalogueVersion: 2 });
    expect(report.subjects.filter((s) => s.registered)).toEqual([placed]);

    // A producer on version 2 writes in the Confluent wire format: magic byte 0, schema id, Avro body.
    const newType = avroType(JSON.parse(await registry.schemaById(placed.id)));
    const written = { ...sampleEvents().OrderPlaced, giftMessage: 'Happy birthday!' };
    const header = Buffer.alloc(5);
    header.writeInt32BE(placed.id, 1);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: placedTopic,
      messages: [{ key: written.orderId, value: Buffer.concat([header, newType.toBuffer(written)]) }],
    });
    await producer.disconnect();

    const received: KafkaMessage[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('contracts-test-old-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: placedTopic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    try {
      const message = await waitFor(() => received[0], { description: 'the OrderPlaced message' });
      // A consumer still on version 1 resolves the writer's schema by the id in the message.
      const value = message.value!;
      const writerType = avroType(JSON.parse(await registry.schemaById(value.readInt32BE(1))));
      const oldType = avroType(EVENT_CATALOGUE.OrderPlaced.schema);
      const read = oldType.fromBuffer(value.subarray(5), oldType.createResolver(writerType));
      expect(read).toEqual(sampleEvents().OrderPlaced);
    } finally {
      await consumer.disconnect();
    }
  });

  it('as a command, exits with 1 and names subject and field on an incompatible change, and 0 when applied', () => {
    const runCli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          require.resolve('tsx/cli'),
          '--conditions=@platform/source',
          path.join(__dirname, '../cli/apply-contracts.ts'),
          ...args,
        ],
        { encoding: 'utf8' },
      );
    const schemaDir = orderPlacedEditedBy((schema) => ({
      ...schema,
      fields: [...schema.fields, { name: 'giftWrap', type: 'boolean', doc: 'Wrap the parcel.' }],
    }));

    const rejected = runCli('--prefix', prefix, '--schema-dir', schemaDir);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toContain(`Subject \`${placedSubject}\``);
    expect(rejected.stderr).toContain('field `giftWrap` added without a default');

    const applied = runCli('--prefix', prefix);
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('Contracts already applied; nothing changed.');
  });
});
