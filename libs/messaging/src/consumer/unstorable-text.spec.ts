import { unstorableTextPath } from './unstorable-text';

describe('unstorableTextPath', () => {
  it('is undefined for an event whose every string PostgreSQL can store', () => {
    expect(
      unstorableTextPath({
        envelope: { eventId: 'e-1', causationId: null },
        orderId: 'zoë 😀',
        lines: [{ sku: 'SKU-1', quantity: 2 }],
        payload: Buffer.from([0]),
      }),
    ).toBeUndefined();
  });

  it('names the first string holding a NUL by its path, through records and arrays', () => {
    expect(unstorableTextPath({ orderId: 'o-1', lines: [{ sku: 'SKU-1' }, { sku: 'SKU\u00002' }] })).toBe(
      'lines[1].sku',
    );
    expect(unstorableTextPath({ envelope: { correlationId: '\u0000' } })).toBe('envelope.correlationId');
    expect(unstorableTextPath('\u0000')).toBe('(value)');
  });
});
