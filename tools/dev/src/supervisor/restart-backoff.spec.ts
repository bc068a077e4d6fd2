import { RestartBackoff } from './restart-backoff';

describe('RestartBackoff', () => {
  const policy = { initialMs: 1000, maxMs: 8000, factor: 2, stableAfterMs: 60_000 };

  it('doubles the delay on each consecutive crash up to the maximum', () => {
    const backoff = new RestartBackoff(policy);
    const delays = Array.from({ length: 6 }, () => backoff.nextDelay(100));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoff.crashes).toBe(6);
  });

  it('starts over after a run that stayed up for the stable period', () => {
    const backoff = new RestartBackoff(policy);
    backoff.nextDelay(100);
    backoff.nextDelay(100);
    expect(backoff.nextDelay(60_000)).toBe(1000);
    expect(backoff.nextDelay(5)).toBe(2000);
  });
});
