/** Nearest-rank percentiles of a sample, in the sample's unit. */
export function percentiles(values: number[], ranks: number[] = [50, 95, 99]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const result: Record<string, number> = {};
  for (const rank of ranks) {
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
    result[`p${rank}`] = sorted.length ? sorted[index]! : NaN;
  }
  result['max'] = sorted.length ? sorted[sorted.length - 1]! : NaN;
  return result;
}
