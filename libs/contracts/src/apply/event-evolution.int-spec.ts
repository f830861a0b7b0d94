import { localEndpoints } from '@platform/config';
import { uniqueName } from '@platform/testing';
import { CATALOGUE_ENTRIES, EVENT_CATALOGUE } from '../catalogue/event-catalogue';
import { valueSubject } from '../catalogue/value-subject';
import type { AvroRecordSchema } from '../schemas/avro-schema';
import { avroType } from '../schemas/avro-type';
import { type EditedSchemaDirectory, editedSchemaDirectory } from '../testing/edited-schema-directory';
import { schemaRejection } from '../testing/schema-rejection';
import { sampleEvents } from '../testing/sample-events';
import { orderCancelledVersion1, orderPlacedVersion1 } from '../testing/version-1-schemas';
import { applyContracts } from './apply-contracts';
import { SchemaRegistryClient } from './registry-client';

// The real change, replayed under a prefix of its own: the registry first holds what it held before
// version 2 (OrderPlaced without `channel`, OrderCancelled without TIMED_OUT), then the repository's
// schemas are applied on top, as `npm run contracts:apply` did on every registry that ran version 1.
const prefix = `${uniqueName('evolution-test')}.`;
const placedSubject = valueSubject(`${prefix}${EVENT_CATALOGUE.OrderPlaced.topic}`);
const registry = new SchemaRegistryClient(localEndpoints().schemaRegistryUrl);
const edited: EditedSchemaDirectory[] = [];

function directoryWith(file: string, edit: (schema: AvroRecordSchema) => AvroRecordSchema): string {
  const directory = editedSchemaDirectory(file, edit);
  edited.push(directory);
  return directory.dir;
}

/** Writes a value as a producer registered under `id` would: Confluent wire format. */
function written(id: number, schema: AvroRecordSchema, value: unknown): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, avroType(schema).toBuffer(value)]);
}

/** Reads a message as a consumer built against `readerSchema` does: the writer's schema by the id in it. */
async function readAs(readerSchema: AvroRecordSchema, message: Buffer): Promise<unknown> {
  const writer = avroType(JSON.parse(await registry.schemaById(message.readInt32BE(1))));
  const reader = avroType(readerSchema);
  return reader.fromBuffer(message.subarray(5), reader.createResolver(writer));
}

let version1: { placedId: number };
let version2: { placedId: number };

beforeAll(async () => {
  const before = await applyContracts({
    namePrefix: prefix,
    schemaDir: directoryWith('order-placed.avsc', (schema) => orderPlacedVersion1(schema)),
  });
  // OrderCancelled version 1 under a second prefix, so its upgrade can be tried at two levels below.
  await applyContracts({
    namePrefix: `${prefix}cancelled-v1.`,
    schemaDir: directoryWith('order-cancelled.avsc', (schema) => orderCancelledVersion1(schema)),
  });
  const now = await applyContracts({ namePrefix: prefix });
  const id = (report: typeof now) => report.subjects.find((s) => s.subject === placedSubject)!.id;
  version1 = { placedId: id(before) };
  version2 = { placedId: id(now) };
}, 60_000);

afterAll(async () => {
  edited.forEach((directory) => directory.remove());
  for (const entry of CATALOGUE_ENTRIES) {
    await registry.deleteSubject(valueSubject(prefix + entry.topic));
    await registry.deleteSubject(valueSubject(`${prefix}cancelled-v1.${entry.topic}`));
  }
});

describe('OrderPlaced version 2 (`channel`) beside version 1', () => {
  it('is registered as the next version of the subject, under FULL_TRANSITIVE', async () => {
    expect(await registry.versions(placedSubject)).toEqual([1, 2]);
    expect(version2.placedId).not.toBe(version1.placedId);
    expect(await registry.subjectCompatibility(placedSubject)).toBe('FULL_TRANSITIVE');
  });

  it('an app still built against version 1 reads version-2 events, without the new field', async () => {
    const event = { ...sampleEvents().OrderPlaced, channel: 'mobile' };
    const message = written(version2.placedId, EVENT_CATALOGUE.OrderPlaced.schema, event);

    const { channel: _channel, ...asVersion1 } = event;
    expect(await readAs(orderPlacedVersion1(), message)).toEqual(asVersion1);
  });

  it('an app on version 2 reads events written as version 1, with the default channel `api`', async () => {
    const { channel: _channel, ...event } = sampleEvents().OrderPlaced;
    const message = written(version1.placedId, orderPlacedVersion1(), event);

    expect(await readAs(EVENT_CATALOGUE.OrderPlaced.schema, message)).toEqual({ ...event, channel: 'api' });
  });

  it('refuses a version 3 that drops the default of `channel`, naming the field, and registers nothing', async () => {
    const schemaDir = directoryWith('order-placed.avsc', (schema) => ({
      ...schema,
      fields: schema.fields.map((field) => {
        if (field.name !== 'channel') return field;
        const { default: _default, ...required } = field;
        return required;
      }),
    }));

    const error = await schemaRejection(applyContracts({ namePrefix: prefix, schemaDir }));

    expect(error.incompatibilities).toEqual([
      expect.objectContaining({
        subject: placedSubject,
        reasons: [
          expect.stringMatching(
            /^field `channel` added without a default, so the new schema cannot read events written with version 1/,
          ),
        ],
      }),
    ]);
    expect(await registry.versions(placedSubject)).toEqual([1, 2]);
  });
});

describe('OrderCancelled version 2 (reason TIMED_OUT)', () => {
  const v1Prefix = () => `${prefix}cancelled-v1.`;
  const v1Subject = () => valueSubject(`${v1Prefix()}${EVENT_CATALOGUE.OrderCancelled.topic}`);

  it('is refused under FULL_TRANSITIVE, naming the field and the symbol readers of version 1 cannot read', async () => {
    const error = await schemaRejection(
      applyContracts({ namePrefix: v1Prefix(), compatibility: 'FULL_TRANSITIVE' }),
    );

    const cancelled = error.incompatibilities.find((i) => i.subject === v1Subject());
    expect(cancelled?.reasons).toEqual([
      expect.stringMatching(
        /^field `reason` gained enum symbol TIMED_OUT, which consumers still on version 1 cannot read/,
      ),
    ]);
    expect(await registry.versions(v1Subject())).toEqual([1]);
  });

  it('is accepted under its catalogue level, BACKWARD_TRANSITIVE: readers on version 2 read every version-1 reason', async () => {
    const report = await applyContracts({ namePrefix: v1Prefix() });

    expect(report.subjects.find((s) => s.subject === v1Subject())).toMatchObject({
      registered: true,
      version: 2,
    });
    expect(await registry.subjectCompatibility(v1Subject())).toBe('BACKWARD_TRANSITIVE');
    const v1Id = (await registry.lookup(v1Subject(), JSON.stringify(orderCancelledVersion1())))!.id;
    const event = sampleEvents().OrderCancelled;
    expect(
      await readAs(EVENT_CATALOGUE.OrderCancelled.schema, written(v1Id, orderCancelledVersion1(), event)),
    ).toEqual(event);
  });
});
