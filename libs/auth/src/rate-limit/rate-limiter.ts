import { BucketPolicy, TakeResult, TokenBucket } from './token-bucket';

/** Buckets kept before full (idle) ones are swept. */
const DEFAULT_MAX_BUCKETS = 10000;

/**
 * Token buckets by name (an API key id, a client IP), in this process's memory: with several
 * gateway replicas each holds its own buckets, so a key's effective limit is the per-process limit
 * times the replicas its requests reach. Idle buckets (refilled to full) are dropped once there
 * are more than `maxBuckets`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly maxBuckets = DEFAULT_MAX_BUCKETS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token from `name`'s bucket, created (full) with `policy` on first use or on a policy change. */
  take(name: string, policy: BucketPolicy): TakeResult {
    const now = this.now();
    let bucket = this.buckets.get(name);
    if (!bucket || !samePolicy(bucket.policy, policy)) {
      if (this.buckets.size >= this.maxBuckets) this.sweep(now);
      bucket = new TokenBucket(policy, now);
      this.buckets.set(name, bucket);
    }
    return bucket.take(now);
  }

  /** Buckets currently held. */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    for (const [name, bucket] of this.buckets) if (bucket.isFull(now)) this.buckets.delete(name);
    // Every bucket busy: drop the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxBuckets) {
      this.buckets.delete(this.buckets.keys().next().value as string);
    }
  }
}

function samePolicy(a: BucketPolicy, b: BucketPolicy): boolean {
  return a.capacity === b.capacity && a.refillPerSecond === b.refillPerSecond;
}
