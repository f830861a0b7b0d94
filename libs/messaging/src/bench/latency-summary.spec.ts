import { summarizeLatencies } from './latency-summary';

it('takes nearest-rank percentiles, so each is a latency that was observed', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(summarizeLatencies(samples)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
});

it('works for a single sample and refuses none', () => {
  expect(summarizeLatencies([7])).toEqual({ p50: 7, p95: 7, p99: 7, max: 7, mean: 7 });
  expect(() => summarizeLatencies([])).toThrow('No latency samples');
});
