import { BenchUsageError, parseBenchArgs } from './bench-args';

it('reads the flags, with defaults for what is not given', () => {
  expect(parseBenchArgs(['--events', '2000', '--json', '--batch-size', '100'])).toEqual({
    events: 2000,
    batchSize: 100,
    writers: 8,
    commits: 'grouped',
    keys: 100,
    json: true,
    skipBaselines: false,
    baselineRecords: 200_000,
    pgbenchSeconds: 10,
  });
});

it.each([
  [[], '--events N is required'],
  [['--events', '0'], '--events must be between 1'],
  [['--events', '12.5'], '--events must be a whole number'],
  [['--events', 'many'], '--events must be a whole number'],
  [['--events', '10', '--writers', '-3'], '--writers'],
  [['--events', '10', '--commits', 'sometimes'], '--commits'],
  [['--events', '10', '--fast'], "Unknown option '--fast'"],
])('rejects %j', (args, message) => {
  expect(() => parseBenchArgs(args)).toThrow(BenchUsageError);
  expect(() => parseBenchArgs(args)).toThrow(message);
});
