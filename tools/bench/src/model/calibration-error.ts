/** Equal-width confidence bins of the expected calibration error. */
const BINS = 10;

/**
 * Expected calibration error: the average over equal-width confidence bins of
 * |accuracy − mean confidence|, weighted by the share of predictions in the bin
 * (Guo et al. 2017). 0 = confidences are honest probabilities of being right.
 */
export function expectedCalibrationError(confidences: number[], correct: boolean[]): number {
  const count = new Array<number>(BINS).fill(0);
  const confidenceSum = new Array<number>(BINS).fill(0);
  const correctSum = new Array<number>(BINS).fill(0);
  confidences.forEach((confidence, i) => {
    const bin = Math.min(BINS - 1, Math.floor(confidence * BINS));
    count[bin]++;
    confidenceSum[bin] += confidence;
    if (correct[i]) correctSum[bin]++;
  });
  let error = 0;
  for (let b = 0; b < BINS; b++) {
    if (count[b] > 0)
      error +=
        (count[b] / confidences.length) *
        Math.abs(correctSum[b] / count[b] - confidenceSum[b] / count[b]);
  }
  return error;
}
