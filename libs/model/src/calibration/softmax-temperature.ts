/** Temperature used when there is nothing to calibrate on. */
export const DEFAULT_TEMPERATURE = 10;
const MIN_LOG_TEMPERATURE = Math.log(0.05);
const MAX_LOG_TEMPERATURE = Math.log(500);
const GOLDEN_SECTION_STEPS = 60;
const INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

/**
 * In-place softmax of `scores · temperature`: turns SVM decision values into
 * probabilities that sum to 1.
 */
export function softmaxInPlace(
  scores: Float64Array,
  temperature: number,
  length = scores.length,
): void {
  let max = -Infinity;
  for (let k = 0; k < length; k++) if (scores[k] > max) max = scores[k];
  let sum = 0;
  for (let k = 0; k < length; k++) {
    scores[k] = Math.exp((scores[k] - max) * temperature);
    sum += scores[k];
  }
  for (let k = 0; k < length; k++) scores[k] /= sum;
}

/**
 * Fits the temperature T of softmax(T · s) to held-out decision values by minimizing the
 * negative log-likelihood of the true classes (temperature scaling, Guo et al. 2017), so
 * that `confidence` behaves like a probability. Golden-section search on log T (the loss
 * is convex in T).
 * @param scores row-major decision values, `classCount` per sample
 * @param truth class index of every sample
 */
export function fitTemperature(
  scores: Float64Array,
  truth: Int32Array,
  classCount: number,
): number {
  if (truth.length === 0) return DEFAULT_TEMPERATURE;
  const loss = (logT: number) => negativeLogLikelihood(scores, truth, classCount, Math.exp(logT));
  let low = MIN_LOG_TEMPERATURE;
  let high = MAX_LOG_TEMPERATURE;
  let a = high - INVERSE_GOLDEN_RATIO * (high - low);
  let b = low + INVERSE_GOLDEN_RATIO * (high - low);
  let lossA = loss(a);
  let lossB = loss(b);
  for (let step = 0; step < GOLDEN_SECTION_STEPS; step++) {
    if (lossA < lossB) {
      high = b;
      b = a;
      lossB = lossA;
      a = high - INVERSE_GOLDEN_RATIO * (high - low);
      lossA = loss(a);
    } else {
      low = a;
      a = b;
      lossA = lossB;
      b = low + INVERSE_GOLDEN_RATIO * (high - low);
      lossB = loss(b);
    }
  }
  return Math.exp((low + high) / 2);
}

/** Mean −log p(true class) under softmax(T · s). */
export function negativeLogLikelihood(
  scores: Float64Array,
  truth: Int32Array,
  classCount: number,
  temperature: number,
): number {
  let total = 0;
  for (let i = 0; i < truth.length; i++) {
    const base = i * classCount;
    let max = -Infinity;
    for (let k = 0; k < classCount; k++) max = Math.max(max, scores[base + k]);
    let sum = 0;
    for (let k = 0; k < classCount; k++) sum += Math.exp((scores[base + k] - max) * temperature);
    total += Math.log(sum) - (scores[base + truth[i]] - max) * temperature;
  }
  return total / truth.length;
}
