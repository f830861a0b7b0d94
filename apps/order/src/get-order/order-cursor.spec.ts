import { decodeCursor, encodeCursor } from './order-cursor';

const token = (text: string) => Buffer.from(text).toString('base64url');

describe('the GET /orders cursor', () => {
  it('gives back what it was made of', () => {
    const placedAt = new Date('2026-12-04T17:30:00.123Z');
    expect(decodeCursor(encodeCursor(placedAt, '019aeb2c-0000-7000-8000-000000000001'))).toEqual({
      placedAt,
      orderId: '019aeb2c-0000-7000-8000-000000000001',
    });
  });

  it.each([
    ['not base64 of anything', 'not a cursor'],
    ['no order id', token('2026-12-04T17:30:00.123Z|')],
    ['a date that is not an ISO instant', token('2026-12-04|o-1')],
    ['year 0, which PostgreSQL refuses', token('0000-01-01T00:00:00.000Z|o-1')],
    ['a six-digit year', token('+123456-01-01T00:00:00.000Z|o-1')],
    ['a day that does not exist', token('2026-02-30T00:00:00.000Z|o-1')],
    ['a NUL in the order id', token('2026-12-04T17:30:00.123Z|o\u00001')],
    ['a stray separator', token('2026-12-04T17:30:00.123Z|o-1|x')],
  ])('is refused with %s', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
