import type { PrometheusSample } from '@sibyl/observability';
import { counterIncrease } from './counter-rate';

/** Cumulative histogram buckets `le → count`, sorted by `le` ascending, ending with `+Inf`. */
export type HistogramBuckets = ReadonlyArray<{ le: number; count: number }>;

/** Collects `<name>_bucket` samples into cumulative buckets, summing series that differ in other labels. */
export function bucketsOf(samples: readonly PrometheusSample[]): HistogramBuckets {
  const byBound = new Map<number, number>();
  for (const sample of samples) {
    const bound = sample.labels['le'];
    if (bound === undefined) continue;
    const le = bound === '+Inf' ? Infinity : Number(bound);
    byBound.set(le, (byBound.get(le) ?? 0) + sample.value);
  }
  return [...byBound.entries()].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
}

/**
 * Observations made between two scrapes of a histogram, bucket by bucket. If any bucket went down the process
 * restarted, and the current buckets are the observations since then.
 */
export function bucketDeltas(
  previous: HistogramBuckets,
  current: HistogramBuckets,
): HistogramBuckets {
  const before = new Map(previous.map((b) => [b.le, b.count]));
  const reset = current.some((b) => b.count < (before.get(b.le) ?? 0));
  return current.map((b) => ({
    le: b.le,
    count: reset ? b.count : counterIncrease(before.get(b.le) ?? 0, b.count),
  }));
}

/** Adds bucket sets with the same bounds (e.g. the deltas of several predictors). */
export function addBuckets(sets: readonly HistogramBuckets[]): HistogramBuckets {
  const sum = new Map<number, number>();
  for (const set of sets) for (const b of set) sum.set(b.le, (sum.get(b.le) ?? 0) + b.count);
  return [...sum.entries()].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of cumulative buckets, interpolated linearly inside the bucket holding the rank — the
 * algorithm of Prometheus' `histogram_quantile()`. Null without observations; a rank in the `+Inf` bucket returns
 * the highest finite bound.
 */
export function histogramQuantile(q: number, buckets: HistogramBuckets): number | null {
  const last = buckets.at(-1);
  const total = last?.le === Infinity ? last.count : 0;
  if (total <= 0 || q < 0 || q > 1) return null;
  const rank = q * total;
  const index = buckets.findIndex((b) => b.count >= rank);
  const bucket = buckets[index];
  if (bucket.le === Infinity) return index > 0 ? buckets[index - 1].le : null;
  const lower = index > 0 ? buckets[index - 1] : { le: 0, count: 0 };
  if (index === 0 && bucket.le <= 0) return bucket.le;
  const inBucket = bucket.count - lower.count;
  return inBucket > 0
    ? lower.le + ((bucket.le - lower.le) * (rank - lower.count)) / inBucket
    : bucket.le;
}
