/**
 * Fixed-memory histogram with logarithmic buckets (relative error ≤ `precision`),
 * for cheap approximate percentiles in the live progress display. Exact figures in
 * the final report come from {@link summarize} over all samples.
 */
export class LogHistogram {
  private readonly counts: Uint32Array;
  private readonly logBase: number;
  private total = 0;
  private maxSeen = 0;

  /**
   * @param maxValue largest value kept in its own bucket (larger ones share the last)
   * @param precision relative bucket width, e.g. 0.02 for ±2 %
   * @param minValue values below it (including 0) share the first bucket
   */
  constructor(
    private readonly maxValue = 600_000,
    precision = 0.02,
    private readonly minValue = 0.01,
  ) {
    this.logBase = Math.log1p(precision);
    this.counts = new Uint32Array(this.bucketOf(maxValue) + 2);
  }

  /** Records one value (negative values count as 0). */
  add(value: number): void {
    const v = Math.max(0, value);
    this.counts[Math.min(this.counts.length - 1, this.bucketOf(v))]++;
    this.total++;
    if (v > this.maxSeen) this.maxSeen = v;
  }

  /** Number of recorded values. */
  get count(): number {
    return this.total;
  }

  /** Approximate p-th percentile (upper bound of the bucket holding it); null when empty. */
  percentile(p: number): number | null {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within [0, 100], got ${p}`);
    if (this.total === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.upperBoundOf(i), this.maxSeen);
    }
    return this.maxSeen;
  }

  private bucketOf(value: number): number {
    if (value <= this.minValue) return 0;
    return 1 + Math.floor(Math.log(value / this.minValue) / this.logBase);
  }

  private upperBoundOf(bucket: number): number {
    if (bucket === 0) return this.minValue;
    if (bucket >= this.counts.length - 1) return this.maxValue;
    return this.minValue * Math.exp(bucket * this.logBase);
  }
}
