import { percentiles } from './percentiles';

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('gives NaN for an empty sample rather than a made-up figure', () => {
    expect(percentiles([])).toEqual({ p50: NaN, p95: NaN, p99: NaN, max: NaN });
  });
});
