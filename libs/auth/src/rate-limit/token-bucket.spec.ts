import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows the burst, then refuses with the time until the next token', () => {
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 0.5 }, 0);
    expect([0, 0, 0].map((t) => bucket.take(t).allowed)).toEqual([true, true, true]);
    expect(bucket.take(0)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetSeconds: 6,
      retryAfterSeconds: 2,
    });
  });

  it('refills at its rate, up to its capacity', () => {
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 10 }, 0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.take(50).allowed).toBe(false);
    expect(bucket.take(150)).toMatchObject({ allowed: true, remaining: 0 });
    expect(bucket.isFull(10_000)).toBe(true);
    expect(bucket.take(10_000)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 1 });
  });
});
