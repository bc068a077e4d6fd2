import { addBuckets, bucketDeltas, bucketsOf, histogramQuantile } from './histogram-quantile';

const b = (pairs: Array<[number, number]>) => pairs.map(([le, count]) => ({ le, count }));

describe('histogram quantiles', () => {
  it('collects bucket samples, summing label sets', () => {
    const sample = (le: string, value: number, status: string) => ({
      name: 'h_bucket',
      labels: { le, status },
      value,
    });
    const buckets = bucketsOf([
      sample('0.1', 1, 'done'),
      sample('+Inf', 2, 'done'),
      sample('0.1', 3, 'failed'),
      sample('+Inf', 3, 'failed'),
    ]);
    expect(buckets).toEqual(
      b([
        [0.1, 4],
        [Infinity, 5],
      ]),
    );
  });

  it('interpolates linearly inside the bucket holding the rank, like histogram_quantile()', () => {
    const buckets = b([
      [0.1, 10],
      [0.5, 60],
      [1, 100],
      [Infinity, 100],
    ]);
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1 + 0.4 * (40 / 50));
    expect(histogramQuantile(0.05, buckets)).toBeCloseTo(0.05);
    expect(histogramQuantile(0.99, buckets)).toBeCloseTo(0.5 + 0.5 * (39 / 40));
    expect(histogramQuantile(1, buckets)).toBeCloseTo(1);
  });

  it('returns the highest finite bound for a rank in the +Inf bucket, and null without observations', () => {
    expect(
      histogramQuantile(
        0.99,
        b([
          [0.1, 1],
          [1, 2],
          [Infinity, 10],
        ]),
      ),
    ).toBe(1);
    expect(
      histogramQuantile(
        0.5,
        b([
          [0.1, 0],
          [Infinity, 0],
        ]),
      ),
    ).toBeNull();
    expect(histogramQuantile(0.5, [])).toBeNull();
  });

  it('uses the bucket deltas between two scrapes, so quantiles describe the last interval only', () => {
    const before = b([
      [0.1, 100],
      [1, 100],
      [Infinity, 100],
    ]);
    const after = b([
      [0.1, 100],
      [1, 110],
      [Infinity, 110],
    ]);
    const deltas = bucketDeltas(before, after);
    expect(deltas).toEqual(
      b([
        [0.1, 0],
        [1, 10],
        [Infinity, 10],
      ]),
    );
    expect(histogramQuantile(0.5, deltas)).toBeCloseTo(0.55);
  });

  it('takes the current buckets whole after a reset', () => {
    const deltas = bucketDeltas(
      b([
        [0.1, 50],
        [Infinity, 80],
      ]),
      b([
        [0.1, 3],
        [Infinity, 4],
      ]),
    );
    expect(deltas).toEqual(
      b([
        [0.1, 3],
        [Infinity, 4],
      ]),
    );
  });

  it('adds the deltas of several predictors', () => {
    expect(
      addBuckets([
        b([
          [0.1, 1],
          [Infinity, 2],
        ]),
        b([
          [0.1, 3],
          [Infinity, 3],
        ]),
      ]),
    ).toEqual(
      b([
        [0.1, 4],
        [Infinity, 5],
      ]),
    );
  });
});
