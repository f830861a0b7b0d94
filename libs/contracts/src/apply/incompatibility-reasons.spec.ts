import { avroType } from '../schemas/avro-type';
import type { AvroField } from '../schemas/avro-schema';
import { incompatibilityReasons } from './incompatibility-reasons';

const record = (...fields: AvroField[]) => avroType({ type: 'record', name: 'Thing', fields });
const both = { backward: true, forward: true };

describe('incompatibilityReasons', () => {
  const v1 = record({ name: 'id', type: 'string' }, { name: 'count', type: 'int' });

  it('names a field added without a default: the new schema cannot read old events', () => {
    const v2 = record(
      { name: 'id', type: 'string' },
      { name: 'count', type: 'int' },
      { name: 'size', type: 'int' },
    );
    expect(incompatibilityReasons(v1, v2, 1, both)).toEqual([
      'field `size` added without a default, so the new schema cannot read events written with version 1',
    ]);
  });

  it('names a removed field that readers of the old version need', () => {
    const v2 = record({ name: 'id', type: 'string' });
    expect(incompatibilityReasons(v1, v2, 3, both)).toEqual([
      'field `count` removed, but consumers still on version 3 need it (it has no default in the reader)',
    ]);
    expect(incompatibilityReasons(v1, v2, 3, { backward: true, forward: false })).toEqual([]);
  });

  it('finds nothing for an optional field with a default', () => {
    const v2 = record(
      { name: 'id', type: 'string' },
      { name: 'count', type: 'int' },
      { name: 'note', type: ['null', 'string'], default: null },
    );
    expect(incompatibilityReasons(v1, v2, 1, both)).toEqual([]);
  });

  it('names a type change in either direction, and accepts a promotion one way', () => {
    const v2 = record({ name: 'id', type: 'string' }, { name: 'count', type: 'long' });
    expect(incompatibilityReasons(v1, v2, 1, { backward: true, forward: false })).toEqual([]);
    expect(incompatibilityReasons(v1, v2, 1, { backward: false, forward: true })).toEqual([
      'field `count` changed from int to long, which consumers still on version 1 cannot read',
    ]);
  });

  it('follows nested records and arrays to the field', () => {
    const line = (...fields: AvroField[]) =>
      avroType({
        type: 'record',
        name: 'Order',
        fields: [{ name: 'lines', type: { type: 'array', items: { type: 'record', name: 'Line', fields } } }],
      });
    const before = line({ name: 'sku', type: 'string' });
    const after = line({ name: 'sku', type: 'string' }, { name: 'quantity', type: 'int' });
    expect(incompatibilityReasons(before, after, 1, both)).toEqual([
      'field `lines[].quantity` added without a default, so the new schema cannot read events written with version 1',
    ]);
  });

  it('names enum symbols that one side cannot read', () => {
    const withSymbols = (...symbols: string[]) =>
      record({ name: 'state', type: { type: 'enum', name: 'State', symbols } });
    expect(incompatibilityReasons(withSymbols('A', 'B'), withSymbols('A', 'B', 'C'), 1, both)).toEqual([
      'field `state` gained enum symbol C, which consumers still on version 1 cannot read (their enum has no default)',
    ]);
  });
});
