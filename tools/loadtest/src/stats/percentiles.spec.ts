import { median, percentileOfSorted, summarize } from './percentiles';

describe('percentileOfSorted (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('returns null for an empty set', () => {
    expect(percentileOfSorted([], 50)).toBeNull();
  });

  it('returns the only sample for every percentile of a single-sample set', () => {
    for (const p of [0, 1, 50, 99, 100]) expect(percentileOfSorted([7], p)).toBe(7);
  });

  it('gives min at p0 and max at p100', () => {
    expect(percentileOfSorted(oneToHundred, 0)).toBe(1);
    expect(percentileOfSorted(oneToHundred, 100)).toBe(100);
  });

  it('picks the smallest value with at least p % of samples at or below it', () => {
    expect(percentileOfSorted(oneToHundred, 50)).toBe(50);
    expect(percentileOfSorted(oneToHundred, 95)).toBe(95);
    expect(percentileOfSorted(oneToHundred, 99)).toBe(99);
    expect(percentileOfSorted(oneToHundred, 99.5)).toBe(100);
    expect(percentileOfSorted([10, 20, 30, 40], 50)).toBe(20);
    expect(percentileOfSorted([10, 20, 30, 40], 51)).toBe(30);
  });

  it('never interpolates: p99 of two samples is the larger one', () => {
    expect(percentileOfSorted([1, 1000], 99)).toBe(1000);
    expect(percentileOfSorted([1, 1000], 50)).toBe(1);
  });

  it('refuses percentiles outside [0, 100]', () => {
    expect(() => percentileOfSorted([1], -1)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], 101)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('summarises unsorted input without changing it', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(summarize(samples)).toEqual({
      count: 5,
      min: 1,
      mean: 3,
      p50: 3,
      p95: 5,
      p99: 5,
      max: 5,
    });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('reports nulls and a zero count for no samples', () => {
    expect(summarize([])).toEqual({
      count: 0,
      min: null,
      mean: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
    });
  });

  it('sorts numerically, not lexicographically', () => {
    expect(summarize([100, 9, 20]).max).toBe(100);
    expect(summarize([100, 9, 20]).min).toBe(9);
  });

  it('puts a single outlier only in p99/max of 1000 samples', () => {
    const samples = [...Array.from({ length: 999 }, () => 2), 5000];
    const s = summarize(samples);
    expect(s.p50).toBe(2);
    expect(s.p99).toBe(2);
    expect(s.max).toBe(5000);
  });

  it('handles all-equal samples and zeros', () => {
    expect(summarize([0, 0, 0])).toMatchObject({ min: 0, p50: 0, p99: 0, max: 0, mean: 0 });
  });
});

describe('median', () => {
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('takes the middle value of an odd count and null for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});
