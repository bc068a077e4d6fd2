import { fitTemperature, negativeLogLikelihood, softmaxInPlace } from './softmax-temperature';

describe('softmax temperature', () => {
  it('turns scores into probabilities', () => {
    const scores = Float64Array.from([1, 0, -1]);
    softmaxInPlace(scores, 2);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(scores[0] / scores[1]).toBeCloseTo(Math.exp(2), 10);
  });

  it('finds the temperature that minimizes the held-out log-loss', () => {
    // Two classes; the right one wins by 1 in 80% of samples and loses by 1 in 20%:
    // the optimum satisfies sigmoid(T) = 0.8, i.e. T = ln 4.
    const scores: number[] = [];
    const truth: number[] = [];
    for (let i = 0; i < 10; i++) {
      scores.push(1, 0);
      truth.push(i < 8 ? 0 : 1);
    }
    const t = fitTemperature(Float64Array.from(scores), Int32Array.from(truth), 2);
    expect(t).toBeCloseTo(Math.log(4), 4);
    const nll = (x: number) =>
      negativeLogLikelihood(Float64Array.from(scores), Int32Array.from(truth), 2, x);
    expect(nll(t)).toBeLessThan(nll(t * 1.1));
    expect(nll(t)).toBeLessThan(nll(t / 1.1));
  });
});
