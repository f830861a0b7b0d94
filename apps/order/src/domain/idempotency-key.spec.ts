import { canonicalJson, checkIdempotencyKey, requestFingerprint } from './idempotency-key';
import { given } from './testing/given-when-then';

const body = {
  customerId: 'ada@example.com',
  currency: 'EUR',
  lines: [{ sku: 'BOOK-1', quantity: 2, unitPrice: { amountMinor: 1250, currency: 'EUR' } }],
};
const sameBodyReordered = {
  lines: [{ unitPrice: { currency: 'EUR', amountMinor: 1250 }, quantity: 2, sku: 'BOOK-1' }],
  currency: 'EUR',
  customerId: 'ada@example.com',
};

describe('Idempotency-Key', () => {
  it('given a key never used, when checked, then first use', () => {
    given(null)
      .when((stored) => checkIdempotencyKey(stored, requestFingerprint(body)))
      .then({ kind: 'first-use' });
  });

  it('given a key stored with this body, when the same body comes with keys reordered, then replay of that order', () => {
    given({ fingerprint: requestFingerprint(body), orderId: 'order-1' })
      .when((stored) => checkIdempotencyKey(stored, requestFingerprint(sameBodyReordered)))
      .then({ kind: 'replay', orderId: 'order-1' });
  });

  it('given a key stored with this body, when another body comes with it, then conflict', () => {
    const otherBody = { ...body, currency: 'USD' };
    given({ fingerprint: requestFingerprint(body), orderId: 'order-1' })
      .when((stored) => checkIdempotencyKey(stored, requestFingerprint(otherBody)))
      .then({ kind: 'conflict', orderId: 'order-1' });
  });

  it('fingerprints are hex SHA-256 and depend on array order', () => {
    expect(requestFingerprint(body)).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint({ a: [1, 2] })).not.toBe(requestFingerprint({ a: [2, 1] }));
  });

  it('canonical JSON sorts keys at every depth and drops undefined like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, undefined], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[true,null]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson({ at: new Date('2025-01-01T00:00:00.000Z') })).toBe(
      '{"at":"2025-01-01T00:00:00.000Z"}',
    );
  });
});
