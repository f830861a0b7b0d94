import { SchemaType } from '@kafkajs/confluent-schema-registry';
import { createSchemaRegistry } from '../kafka/kafka-settings';
import { UndecodableMessageError, UnknownSchemaError } from '../errors';
import { kafkaSettings, testEvent, testEventSchema, uniqueName } from '../testing/messaging-fixture';
import { AvroCodec } from './avro-codec';

const registry = createSchemaRegistry(kafkaSettings());

describe('AvroCodec against the registry', () => {
  it('encodes in the Confluent wire format with the registered id and decodes to the same event', async () => {
    const subject = `${uniqueName('codec.roundtrip')}-value`;
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(testEventSchema()) },
      { subject },
    );
    const codec = new AvroCodec(registry);
    await codec.prepare([{ subject, schema: testEventSchema() }]);
    const event = testEvent('order-1', 7);

    const bytes = codec.encode(subject, event);

    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(id);
    expect(await codec.decode(bytes, subject)).toEqual(event);
  });

  it('reads a message written with a newer schema (an added field with a default) into the reader schema', async () => {
    const subject = `${uniqueName('codec.evolution')}-value`;
    const reader = testEventSchema();
    const writer = testEventSchema() as { fields: object[] };
    writer.fields.push({ name: 'note', type: ['null', 'string'], default: null });
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(reader) }, { subject });
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(writer) }, { subject });
    const producerCodec = new AvroCodec(registry);
    await producerCodec.prepare([{ subject, schema: writer }]);
    const consumerCodec = new AvroCodec(registry);
    await consumerCodec.prepare([{ subject, schema: reader }]);
    const event = testEvent('order-2', 1);

    const decoded = await consumerCodec.decode(
      producerCodec.encode(subject, { ...event, note: 'new' }),
      subject,
    );

    expect(decoded).toEqual(event);
  });

  it('rejects bytes that are not Avro and schema ids the registry does not know', async () => {
    const codec = new AvroCodec(registry);
    await expect(codec.decode(Buffer.from('{"json": true}'))).rejects.toBeInstanceOf(UndecodableMessageError);
    const unknownId = Buffer.from([0, 0x7f, 0xff, 0xff, 0xf0, 1, 2]);
    await expect(codec.decode(unknownId)).rejects.toBeInstanceOf(UnknownSchemaError);
  });
});
