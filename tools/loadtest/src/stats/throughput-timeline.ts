import { median } from './percentiles';

/** Per-second event counts and the sustained rate derived from them. */
export interface ThroughputSummary {
  /** Events per whole second from the first event, `[count0, count1, …]`. */
  perSecond: number[];
  /** (events − 1) divided by the span first → last event (events/s); null with < 2 events or a zero span. */
  average: number | null;
  /** Median of the per-second counts, excluding the first and last (partial) seconds. */
  sustainedMedian: number | null;
  /** First and last event time (epoch ms). */
  firstAt: number | null;
  lastAt: number | null;
}

/**
 * Buckets event timestamps (epoch ms) into whole seconds from the first one. The
 * sustained figure is the median of the inner seconds: ramp-up and the tail of the
 * run do not pull it down.
 */
export function throughputOf(timestamps: ArrayLike<number>): ThroughputSummary {
  const n = timestamps.length;
  if (n === 0)
    return { perSecond: [], average: null, sustainedMedian: null, firstAt: null, lastAt: null };
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (timestamps[i] < first) first = timestamps[i];
    if (timestamps[i] > last) last = timestamps[i];
  }
  const perSecond = new Array<number>(Math.floor((last - first) / 1000) + 1).fill(0);
  for (let i = 0; i < n; i++) perSecond[Math.floor((timestamps[i] - first) / 1000)]++;
  const spanSeconds = (last - first) / 1000;
  const inner = perSecond.length > 2 ? perSecond.slice(1, -1) : perSecond;
  return {
    perSecond,
    average: n >= 2 && spanSeconds > 0 ? (n - 1) / spanSeconds : null,
    sustainedMedian: median(inner),
    firstAt: first,
    lastAt: last,
  };
}
