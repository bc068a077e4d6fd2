import { LogHistogram } from './log-histogram';
import { percentileOfSorted } from './percentiles';

describe('LogHistogram', () => {
  it('is empty at first', () => {
    const h = new LogHistogram();
    expect(h.count).toBe(0);
    expect(h.percentile(99)).toBeNull();
  });

  it('approximates exact nearest-rank percentiles within its precision', () => {
    const h = new LogHistogram(600_000, 0.02);
    const samples: number[] = [];
    let seed = 42;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const v = 0.5 + (seed / 2 ** 31) * 200;
      samples.push(v);
      h.add(v);
    }
    samples.sort((a, b) => a - b);
    for (const p of [50, 95, 99]) {
      const exact = percentileOfSorted(samples, p) as number;
      const approx = h.percentile(p) as number;
      expect(Math.abs(approx - exact) / exact).toBeLessThanOrEqual(0.021);
    }
  });

  it('never reports more than the largest value seen, and clamps huge values', () => {
    const h = new LogHistogram(1000, 0.05);
    h.add(3);
    expect(h.percentile(100)).toBeLessThanOrEqual(3);
    h.add(1e9);
    expect(h.percentile(100)).toBe(1000);
  });

  it('counts zero and negative values in the first bucket', () => {
    const h = new LogHistogram();
    h.add(0);
    h.add(-5);
    expect(h.count).toBe(2);
    expect(h.percentile(50)).toBe(0);
  });
});
