/** A bucket's size and refill speed. */
export interface BucketPolicy {
  /** Most tokens held (the burst). */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

/** Outcome of one {@link TokenBucket.take}: what the `RateLimit-*` headers report. */
export interface TakeResult {
  allowed: boolean;
  /** The bucket's capacity (`RateLimit-Limit`). */
  limit: number;
  /** Whole tokens left after this request (`RateLimit-Remaining`). */
  remaining: number;
  /** Seconds until the bucket is full again (`RateLimit-Reset`). */
  resetSeconds: number;
  /** Seconds until one token is available (`Retry-After` of a refusal); 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * A token bucket refilled lazily on each take: `capacity` requests at once, then
 * `refillPerSecond` on average. Times are in milliseconds.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly policy: BucketPolicy,
    now: number,
  ) {
    this.tokens = policy.capacity;
    this.updatedAt = now;
  }

  /** Takes one token if there is one. */
  take(now: number): TakeResult {
    this.refill(now);
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const { capacity, refillPerSecond } = this.policy;
    return {
      allowed,
      limit: capacity,
      remaining: Math.floor(this.tokens),
      resetSeconds: Math.ceil((capacity - this.tokens) / refillPerSecond),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - this.tokens) / refillPerSecond)),
    };
  }

  /** True once the bucket has refilled completely (it can be forgotten: a new one is identical). */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.policy.capacity;
  }

  private refill(now: number): void {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(
      this.policy.capacity,
      this.tokens + elapsedSeconds * this.policy.refillPerSecond,
    );
    this.updatedAt = now;
  }
}
