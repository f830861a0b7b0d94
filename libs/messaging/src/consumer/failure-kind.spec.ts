import { InvalidEventError } from '../errors';
import { failureKind } from './failure-kind';

const pgError = (code: string, message = 'from PostgreSQL') => Object.assign(new Error(message), { code });

describe('failureKind', () => {
  it('is permanent for data PostgreSQL refuses, such as a NUL in text (22021): it fails the same way every time', () => {
    expect(failureKind(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toBe(
      'permanent',
    );
    expect(failureKind(pgError('22P02'))).toBe('permanent');
    expect(failureKind(pgError('23502'))).toBe('permanent');
  });

  it('is permanent for an event refused on decoding, and for the app’s own refusals', () => {
    expect(failureKind(new InvalidEventError('orderId contains a NUL character'))).toBe('permanent');
    class DomainError extends Error {}
    expect(failureKind(new DomainError('no such sku'), (e) => e instanceof DomainError)).toBe('permanent');
  });

  it('is unavailable while PostgreSQL or the network is down, however long', () => {
    expect(failureKind(pgError('57P01'))).toBe('unavailable');
    expect(failureKind(pgError('08006'))).toBe('unavailable');
    expect(failureKind(pgError('ECONNREFUSED'))).toBe('unavailable');
    expect(failureKind(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(
      failureKind(
        Object.assign(new Error('database "order" is not currently accepting connections'), {
          code: '55000',
        }),
      ),
    ).toBe('unavailable');
  });

  it('looks through a wrapping error at its cause', () => {
    expect(failureKind(new Error('handler failed', { cause: pgError('22021') }))).toBe('permanent');
  });

  it('is transient otherwise (a deadlock, a bug): retried a bounded number of times', () => {
    expect(failureKind(pgError('40P01'))).toBe('transient');
    expect(failureKind(new Error('something odd'))).toBe('transient');
  });
});
