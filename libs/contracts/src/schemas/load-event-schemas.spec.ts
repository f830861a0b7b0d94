import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { types } from 'avsc';
import { EVENT_TYPES } from '../generated/event-types';
import { type AvroSchema, isNamedDefinition } from './avro-schema';
import { avroType } from './avro-type';
import { ENVELOPE_TYPE, loadEventSchemas } from './load-event-schemas';
import { readSchemaDirectory } from './read-schema-directory';
import { SCHEMA_DIRECTORY } from './schema-directory';
import { SchemaDefinitionError } from './schema-errors';

type RecordType = types.RecordType;

describe('the schemas in schemas/', () => {
  const events = loadEventSchemas(SCHEMA_DIRECTORY);

  it('define exactly the catalogued event types', () => {
    expect(events.map((e) => e.eventType).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(readSchemaDirectory(SCHEMA_DIRECTORY).map((f) => [f.file, f.schema] as const))(
    '%s is a documented type in namespace platform.events',
    (_file, schema) => {
      expect(schema.namespace).toBe('platform.events');
      expect(undocumented(schema)).toEqual([]);
    },
  );

  describe.each(events.map((e) => [e.eventType, e] as const))('%s', (_type, event) => {
    it('starts with the envelope, referenced by name in the file', () => {
      expect(event.source.fields[0]).toMatchObject({ name: 'envelope', type: ENVELOPE_TYPE });
    });

    it('has the orderId it is keyed by', () => {
      expect(event.schema.fields[1]).toMatchObject({ name: 'orderId', type: 'string' });
    });

    it('is self-contained once loaded: it parses with no other schema known', () => {
      const type = avroType(event.schema);
      expect(type.name).toBe(`platform.events.${event.eventType}`);
      expect(JSON.stringify(event.schema)).toContain('"name":"EventEnvelope"');
    });
  });

  it('carry money as Money, an integer of minor units and a currency', () => {
    const placed = events.find((e) => e.eventType === 'OrderPlaced')!;
    const total = placed.schema.fields.find((f) => f.name === 'total')!;
    expect(total.type).toBe('platform.events.Money');
    const money = (avroType(placed.schema) as RecordType).field('total').type as RecordType;
    expect(money.fields.map((f) => [f.name, f.type.typeName])).toEqual([
      ['amountMinor', 'long'],
      ['currency', 'string'],
    ]);
  });
});

describe('loadEventSchemas', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'schemas-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, schema: unknown) =>
    writeFileSync(path.join(dir, file), JSON.stringify(schema));
  const envelope = { type: 'record', name: 'EventEnvelope', namespace: 'platform.events', fields: [] };

  it('names the file and the type when a reference leads nowhere', () => {
    write('envelope.avsc', envelope);
    write('thing-happened.avsc', {
      type: 'record',
      name: 'ThingHappened',
      namespace: 'platform.events',
      fields: [
        { name: 'envelope', type: ENVELOPE_TYPE },
        { name: 'price', type: 'platform.events.Price' },
      ],
    });
    expect(() => loadEventSchemas(dir)).toThrow(SchemaDefinitionError);
    expect(() => loadEventSchemas(dir)).toThrow(
      /thing-happened.avsc: type `platform.events.Price` is neither/,
    );
  });

  it('rejects a file that is not a named type', () => {
    write('broken.avsc', { type: 'array', items: 'string' });
    expect(() => loadEventSchemas(dir)).toThrow('broken.avsc: must define one named type');
  });
});

/** Paths of the records, enums and fields without a doc string. */
function undocumented(schema: AvroSchema, at = ''): string[] {
  if (typeof schema === 'string') return [];
  if (Array.isArray(schema)) return schema.flatMap((branch) => undocumented(branch, at));
  const own = isNamedDefinition(schema) && !schema.doc ? [at || schema.name] : [];
  const fields = (schema.fields ?? []).flatMap((field) => [
    ...(field.doc ? [] : [`${at}${field.name}`]),
    ...undocumented(field.type, `${at}${field.name}.`),
  ]);
  const nested = [schema.items, schema.values].flatMap((inner) => (inner ? undocumented(inner, at) : []));
  return [...own, ...fields, ...nested];
}
