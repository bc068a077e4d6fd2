import type { Int8Rows, LinearModel } from '../svm/linear-model';

/** Largest magnitude of an int8 weight. */
const INT8_MAX = 127;

/**
 * Int8 copy of a float32 model: each feature row (its `classCount` weights) gets a scale of
 * max|w| / 127, w ≈ q · scale, and only nonzero q are kept ({@link Int8Rows}). Most weights
 * round to 0 (a feature matters for few languages), so rows are short: the model is far
 * smaller and scoring touches a few classes per feature instead of all of them.
 * Weights below `dropBelow` × the row's largest magnitude are dropped as well (they barely
 * move a score, yet frequent n-grams carry some for nearly every language).
 * Already quantized models are returned as they are.
 */
export function quantizeModel(model: LinearModel, dropBelow = 0): LinearModel {
  if (model.int8Rows || !model.weights) return model;
  const { classCount, featureCount, weights } = model;
  const starts = new Int32Array(featureCount + 1);
  const scales = new Float32Array(featureCount);
  const classes: number[] = [];
  const values: number[] = [];
  for (let f = 0; f < featureCount; f++) {
    const base = f * classCount;
    let max = 0;
    for (let k = 0; k < classCount; k++) max = Math.max(max, Math.abs(weights[base + k]));
    scales[f] = max / INT8_MAX;
    const threshold = Math.max(1, dropBelow * INT8_MAX);
    if (scales[f] > 0) {
      for (let k = 0; k < classCount; k++) {
        const q = Math.round(weights[base + k] / scales[f]);
        if (Math.abs(q) < threshold) continue;
        classes.push(k);
        values.push(q);
      }
    }
    starts[f + 1] = values.length;
  }
  const int8Rows: Int8Rows = {
    starts,
    classes: Uint8Array.from(classes),
    values: Int8Array.from(values),
    scales,
  };
  return { ...model, weights: null, int8Rows };
}
