import { completionLatencies, weightedPercentile } from './latency-tracker';

describe('latency tracker', () => {
  it('gives each step the time until completions catch up with its arrivals (FIFO)', () => {
    // 10 arrive in step 0 and 10 in step 1; 5 complete per step.
    const arrived = [10, 20, 20, 20, 20];
    const completed = [5, 10, 15, 20, 20];
    expect(completionLatencies(arrived, completed, 1, 0.05)).toEqual([
      1.05, 2.05, 1.05, 0.05, 0.05,
    ]);
  });

  it('weights percentiles by the number of requests', () => {
    expect(weightedPercentile([1, 10], [99, 1], 0.99)).toBe(1);
    expect(weightedPercentile([1, 10], [98, 2], 0.99)).toBe(10);
  });
});
