/** Summary statistics for timing samples. Pure: the bench's numbers all go through here. */

/**
 * The nearest-rank percentile (the smallest sample with at least q% of samples at or below it),
 * so a reported p99 is a time some request really took. NaN for no samples.
 */
export function percentile(samples: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${q}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((q / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type Summary = { count: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function summarize(samples: readonly number[]): Summary {
  const count = samples.length;
  if (count === 0) return { count, min: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(1, Math.ceil((q / 100) * count)) - 1]!;
  const sum = sorted.reduce((s, v) => s + v, 0);
  return { count, min: sorted[0]!, p50: at(50), p95: at(95), p99: at(99), max: sorted[count - 1]!, mean: sum / count };
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Rounds for a report: 3 significant digits below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}
