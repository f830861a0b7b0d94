import type { AvroRecordSchema } from '../schemas/avro-schema';
import { ConflictingDefinitionError, renderEventTypes } from './render-event-types';

const envelope = { type: 'record', name: 'EventEnvelope', doc: 'Metadata.', fields: [] };

describe('renderEventTypes', () => {
  it('maps Avro types to TypeScript, nullable unions as `T | null` and enums as string unions', () => {
    const event: AvroRecordSchema = {
      type: 'record',
      name: 'ThingHappened',
      namespace: 'platform.events',
      doc: 'A thing happened.',
      fields: [
        { name: 'envelope', type: envelope, doc: 'Envelope.' },
        { name: 'count', type: 'long' },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'note', type: ['null', 'string'], default: null, doc: 'A */ note.' },
        { name: 'tags', type: { type: 'map', values: 'string' } },
        { name: 'colour', type: { type: 'enum', name: 'Colour', symbols: ['RED', 'GREEN'] } },
        { name: 'history', type: { type: 'array', items: ['null', 'Colour'] } },
        { name: 'raw', type: 'bytes' },
      ],
    };
    const output = renderEventTypes([event]);
    expect(output).toContain(`/** A thing happened. */
export interface ThingHappened {
  /** Envelope. */
  envelope: EventEnvelope;
  count: number;
  at: number;
  /** A * / note. */
  note: string | null;
  tags: Record<string, string>;
  colour: Colour;
  history: (Colour | null)[];
  raw: Buffer;
}`);
    expect(output).toContain(`export type Colour = 'RED' | 'GREEN';`);
    expect(output).toContain(`export interface EventTypeMap {\n  ThingHappened: ThingHappened;\n}`);
  });

  it('refuses two different definitions under one name', () => {
    const event = (name: string, symbols: string[]): AvroRecordSchema => ({
      type: 'record',
      name,
      namespace: 'platform.events',
      fields: [{ name: 'state', type: { type: 'enum', name: 'State', symbols } }],
    });
    expect(() => renderEventTypes([event('A', ['X']), event('B', ['X', 'Y'])])).toThrow(
      ConflictingDefinitionError,
    );
  });
});
