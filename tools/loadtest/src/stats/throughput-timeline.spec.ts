import { throughputOf } from './throughput-timeline';

describe('throughputOf', () => {
  it('returns nulls for no events', () => {
    expect(throughputOf([])).toEqual({
      perSecond: [],
      average: null,
      sustainedMedian: null,
      firstAt: null,
      lastAt: null,
    });
  });

  it('gives no average for a single event', () => {
    const t = throughputOf([1000]);
    expect(t.perSecond).toEqual([1]);
    expect(t.average).toBeNull();
    expect(t.sustainedMedian).toBe(1);
  });

  it('buckets by whole seconds from the first event and ignores ramp and tail for the median', () => {
    const base = 1_700_000_000_000;
    const stamps: number[] = [];
    const perSecond = [3, 100, 120, 110, 7];
    perSecond.forEach((count, second) => {
      for (let i = 0; i < count; i++) stamps.push(base + second * 1000 + (i * 999) / count);
    });
    const t = throughputOf(stamps);
    expect(t.perSecond).toEqual(perSecond);
    expect(t.sustainedMedian).toBe(110);
    expect(t.firstAt).toBe(base);
  });

  it('computes the average as intervals per second over the span', () => {
    const t = throughputOf([0, 500, 1000, 1500, 2000]);
    expect(t.average).toBe(2);
  });
});
