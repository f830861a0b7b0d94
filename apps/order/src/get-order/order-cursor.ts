import { unstorableTextProblem } from '@platform/service-kit';

/**
 * The opaque cursor of GET /orders: the last row's (placedAt, orderId), base64url. Only what
 * encodeCursor writes decodes: anything else would reach PostgreSQL as a time it refuses (year 0)
 * or an id it cannot store (a NUL), and answer 500 instead of 400.
 */
const CURSOR_INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(placedAt: Date, orderId: string): string {
  return Buffer.from(`${placedAt.toISOString()}|${orderId}`).toString('base64url');
}

export function decodeCursor(cursor: string): { placedAt: Date; orderId: string } | undefined {
  const [iso = '', orderId, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const placedAt = new Date(iso);
  const valid =
    rest.length === 0 &&
    CURSOR_INSTANT.test(iso) &&
    !Number.isNaN(placedAt.getTime()) &&
    placedAt.toISOString() === iso &&
    Boolean(orderId) &&
    unstorableTextProblem(orderId!) === undefined;
  return valid ? { placedAt, orderId: orderId! } : undefined;
}
