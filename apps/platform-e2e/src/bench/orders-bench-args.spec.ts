import { OrdersBenchUsageError, parseOrdersBenchArgs } from './orders-bench-args';

describe('bench:orders arguments', () => {
  it('takes several rates and fills in the defaults', () => {
    expect(parseOrdersBenchArgs(['--rate', '5,100', '--duration', '20', '--json'])).toEqual({
      rates: [5, 100],
      durationSeconds: 20,
      concurrency: 256,
      settleTimeoutSeconds: 120,
      warmupSeconds: 5,
      warmupRate: 50,
      pgbenchSeconds: 10,
      pgbench: true,
      hops: false,
      json: true,
    });
  });

  it('splits the latency into hops when asked', () => {
    expect(parseOrdersBenchArgs(['--hops'])).toMatchObject({ hops: true });
  });

  it('asks for help with -h or --help', () => {
    expect(parseOrdersBenchArgs(['-h'])).toBe('help');
    expect(parseOrdersBenchArgs(['--help'])).toBe('help');
  });

  it('names the flag that is wrong', () => {
    expect(() => parseOrdersBenchArgs(['--rate', '10,x'])).toThrow(/--rate must be a number above 0/);
    expect(() => parseOrdersBenchArgs(['--duration', '0'])).toThrow(OrdersBenchUsageError);
    expect(() => parseOrdersBenchArgs(['--bogus'])).toThrow(OrdersBenchUsageError);
  });
});
