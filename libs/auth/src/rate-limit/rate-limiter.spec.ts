import { ConcurrencyLimiter } from './concurrency-limiter';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  const policy = { capacity: 1, refillPerSecond: 1 };

  it('keeps one bucket per name', () => {
    let now = 0;
    const limiter = new RateLimiter(100, () => now);
    expect(limiter.take('a', policy).allowed).toBe(true);
    expect(limiter.take('a', policy).allowed).toBe(false);
    expect(limiter.take('b', policy).allowed).toBe(true);
    now = 1000;
    expect(limiter.take('a', policy).allowed).toBe(true);
  });

  it('starts a new bucket when the policy changes (a key override)', () => {
    const limiter = new RateLimiter(100, () => 0);
    limiter.take('a', policy);
    expect(limiter.take('a', { capacity: 5, refillPerSecond: 5 }).allowed).toBe(true);
  });

  it('stays bounded: idle buckets go first, then the oldest', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    for (const name of ['a', 'b', 'c']) limiter.take(name, policy);
    now = 10_000;
    limiter.take('d', policy);
    expect(limiter.size).toBe(1);
    for (const name of ['e', 'f', 'g']) limiter.take(name, policy);
    expect(limiter.size).toBeLessThanOrEqual(3);
  });
});

describe('ConcurrencyLimiter', () => {
  it('caps concurrent slots per name and frees them once', () => {
    const limiter = new ConcurrencyLimiter(2);
    const first = limiter.tryAcquire('k');
    const second = limiter.tryAcquire('k');
    expect(limiter.tryAcquire('k')).toBeUndefined();
    expect(limiter.tryAcquire('other')).toBeDefined();
    first?.();
    first?.();
    expect(limiter.count('k')).toBe(1);
    expect(limiter.tryAcquire('k')).toBeDefined();
    second?.();
  });
});
