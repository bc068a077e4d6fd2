/** Distribution summary of a set of samples (milliseconds unless said otherwise). */
export interface DistributionSummary {
  count: number;
  min: number | null;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/**
 * The p-th percentile of ascending `sorted` samples by the nearest-rank method: the
 * smallest sample such that at least p % of the samples are ≤ it. p = 0 gives the
 * minimum, p = 100 the maximum; an empty set gives null. Nearest rank never
 * interpolates, so the answer is always a value that was actually observed.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within [0, 100], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.ceil((p / 100) * n);
  return sorted[Math.min(n - 1, Math.max(0, rank - 1))];
}

/** Sorts a copy of the samples ascending (numeric, NaN-free input expected). */
export function sortedCopy(samples: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(samples as ArrayLike<number>);
  copy.sort();
  return copy;
}

/** Count, min, mean, p50/p95/p99 (nearest rank) and max of the samples. */
export function summarize(samples: ArrayLike<number>): DistributionSummary {
  const sorted = sortedCopy(samples);
  const n = sorted.length;
  if (n === 0)
    return { count: 0, min: null, mean: null, p50: null, p95: null, p99: null, max: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return {
    count: n,
    min: sorted[0],
    mean: sum / n,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted[n - 1],
  };
}

/** Median of a list of numbers (mean of the two middle values for an even count); null when empty. */
export function median(values: ArrayLike<number>): number | null {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
