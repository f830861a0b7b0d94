import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { correlationIdOf, logRequests } from './logging';

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

describe('logRequests', () => {
  type Hook = Parameters<Parameters<typeof logRequests>[0]['addHook']>[1];
  function logged(level: string, status: number, url = '/orders') {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    let hook: Hook | undefined;
    logRequests({ addHook: (_name, registered) => (hook = registered) }, logger);
    const raw = { headers: { 'x-correlation-id': 'corr-7' } } as unknown as IncomingMessage;
    return hook!({ method: 'POST', url, raw }, { statusCode: status, elapsedTime: 3.14 }).then(() => lines);
  }

  it('logs a refused request as a warning with its method, path, status, time and correlation id', async () => {
    expect(await logged('info', 400)).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'request completed',
        method: 'POST',
        url: '/orders',
        status: 400,
        ms: 3.1,
        correlationId: 'corr-7',
      }),
    ]);
  });

  it('logs server errors as errors, successes only at debug, and never health checks', async () => {
    expect((await logged('info', 503))[0]).toMatchObject({ level: 50 });
    expect(await logged('info', 202)).toEqual([]);
    expect(await logged('debug', 202)).toHaveLength(1);
    expect(await logged('debug', 500, '/health/ready')).toEqual([]);
  });
});
