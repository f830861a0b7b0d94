import { createHash } from 'node:crypto';

/**
 * The Idempotency-Key rule for POST /orders. A client that retries with the same key and the same
 * body gets the order the first attempt created (a replay); the same key with a different body is
 * a client bug, refused as a conflict rather than guessed at. Bodies are compared by fingerprint,
 * so the stored record stays small and holds no customer data.
 */
export interface StoredIdempotentRequest {
  readonly fingerprint: string;
  readonly orderId: string;
}

export type IdempotencyDecision =
  | { readonly kind: 'first-use' }
  | { readonly kind: 'replay'; readonly orderId: string }
  | { readonly kind: 'conflict'; readonly orderId: string };

export function checkIdempotencyKey(
  stored: StoredIdempotentRequest | null,
  fingerprint: string,
): IdempotencyDecision {
  if (stored === null) return { kind: 'first-use' };
  return stored.fingerprint === fingerprint
    ? { kind: 'replay', orderId: stored.orderId }
    : { kind: 'conflict', orderId: stored.orderId };
}

/** SHA-256 (hex) of the body's canonical JSON: equal for bodies that differ only in key order. */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * JSON with object keys sorted at every depth; array order is meaningful and kept. Otherwise the
 * same as JSON.stringify: undefined members are dropped, and stand as null inside arrays.
 */
export function canonicalJson(value: unknown): string {
  return encode(value) ?? 'null';
}

function encode(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return encode((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => encode(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .flatMap((key) => {
      const encoded = encode(record[key]);
      return encoded === undefined ? [] : [`${JSON.stringify(key)}:${encoded}`];
    });
  return `{${members.join(',')}}`;
}
