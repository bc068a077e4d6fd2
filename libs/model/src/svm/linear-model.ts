/** A trained linear one-vs-rest model. */
export interface LinearModel {
  classCount: number;
  featureCount: number;
  /** Dense float32 weights, feature-major (feature f, class k at `f * classCount + k`); null when int8. */
  weights: Float32Array | null;
  /** Sparse int8 weights (see {@link Int8Rows}); null when float32. */
  int8Rows: Int8Rows | null;
  intercepts: Float32Array;
}

/** A float32 model with every weight and intercept zero, for training to fill in class by class. */
export function zeroLinearModel(classCount: number, featureCount: number): LinearModel {
  return {
    classCount,
    featureCount,
    weights: new Float32Array(featureCount * classCount),
    int8Rows: null,
    intercepts: new Float32Array(classCount),
  };
}

/**
 * Int8 weights stored by feature row, zeros left out: the nonzero weights of feature f are
 * `values[starts[f]..starts[f+1])` for classes `classes[...]`, each times `scales[f]`.
 */
export interface Int8Rows {
  starts: Int32Array;
  classes: Uint8Array;
  values: Int8Array;
  scales: Float32Array;
}

/** Decision values (one per class) of one sparse row: w_kᵀx + b_k. */
export function decisionValues(
  model: LinearModel,
  indices: ArrayLike<number>,
  values: ArrayLike<number>,
  length: number,
  out: Float64Array,
): void {
  const { classCount, weights, intercepts, int8Rows } = model;
  for (let k = 0; k < classCount; k++) out[k] = intercepts[k];
  if (int8Rows) {
    const { starts, classes, scales } = int8Rows;
    for (let i = 0; i < length; i++) {
      const f = indices[i];
      const value = values[i] * scales[f];
      for (let j = starts[f]; j < starts[f + 1]; j++) out[classes[j]] += value * int8Rows.values[j];
    }
    return;
  }
  if (!weights) throw new Error('linear model has no weights');
  for (let i = 0; i < length; i++) {
    const base = indices[i] * classCount;
    const value = values[i];
    for (let k = 0; k < classCount; k++) out[k] += value * weights[base + k];
  }
}
