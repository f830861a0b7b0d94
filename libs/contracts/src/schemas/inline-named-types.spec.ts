import type { AvroComplexSchema } from './avro-schema';
import { UnknownTypeNameError, inlineNamedTypes } from './inline-named-types';

const money: AvroComplexSchema = {
  type: 'record',
  name: 'Money',
  namespace: 'shop',
  fields: [{ name: 'amountMinor', type: 'long' }],
};
const library = new Map([['shop.Money', money]]);

describe('inlineNamedTypes', () => {
  it('defines a shared type at its first use and refers to it by name afterwards', () => {
    const schema = {
      type: 'record',
      name: 'Paid',
      namespace: 'shop',
      fields: [
        { name: 'amount', type: 'shop.Money' },
        { name: 'refunds', type: { type: 'array', items: 'Money' } },
        { name: 'fee', type: ['null', 'shop.Money'], default: null },
      ],
    };
    expect(inlineNamedTypes(schema, library)).toEqual({
      ...schema,
      fields: [
        { name: 'amount', type: money },
        { name: 'refunds', type: { type: 'array', items: 'Money' } },
        { name: 'fee', type: ['null', 'shop.Money'], default: null },
      ],
    });
  });

  it('leaves a recursive record referring to itself', () => {
    const node = {
      type: 'record',
      name: 'Node',
      namespace: 'x',
      fields: [{ name: 'next', type: ['null', 'Node'] }],
    };
    expect(inlineNamedTypes(node, new Map([['x.Node', node]]))).toEqual(node);
  });

  it('reports a name that is neither primitive nor known', () => {
    expect(() => inlineNamedTypes({ type: 'array', items: 'shop.Price' }, library)).toThrow(
      UnknownTypeNameError,
    );
  });
});
