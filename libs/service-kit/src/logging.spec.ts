import type { IncomingMessage } from 'node:http';
import { correlationIdOf } from './logging';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('correlationIdOf', () => {
  it('takes the X-Correlation-Id header when it is a sensible id', () => {
    expect(correlationIdOf(request({ 'x-correlation-id': 'checkout-42' }))).toBe('checkout-42');
  });

  it('makes one up, once per request, when the header is missing or unsafe to log', () => {
    const unsafe = request({ 'x-correlation-id': 'a\nb' });
    const made = correlationIdOf(unsafe);
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdOf(unsafe)).toBe(made);
  });
});
