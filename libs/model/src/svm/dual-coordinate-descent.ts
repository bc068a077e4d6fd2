/** One binary sub-problem of one-vs-rest: rows of class `positiveClass` are +1, all others −1. */
export interface BinaryProblem {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  /** Class index of every row. */
  labels: Int32Array;
  positiveClass: number;
  /** ‖x_i‖² of every row (1 for L2-normalized TF-IDF rows). */
  squaredNorms: Float64Array;
  /** Optional per-row weight multiplying C (scikit-learn `sample_weight`); null = all 1. */
  sampleWeights: Float32Array | null;
}

/** Hyper-parameters of {@link solveSquaredHingeDual} (liblinear `-s 1`). */
export interface DualSolverOptions {
  /** C for positive rows (liblinear `weighted_C`). */
  costPositive: number;
  /** C for negative rows. */
  costNegative: number;
  /** Value of the constant feature appended to each row; its weight is the intercept (0 = none). */
  bias: number;
  /** Stop when the projected-gradient spread falls below this (scikit-learn `tol`). */
  tolerance: number;
  /** Upper bound on passes over the data (scikit-learn `max_iter`). */
  maxIterations: number;
  /** Seed of the xorshift32 generator that shuffles the coordinate order. */
  seed: number;
}

/** Primal solution of a binary problem. */
export interface BinarySolution {
  weights: Float64Array;
  /** Intercept = bias feature value × its weight. */
  intercept: number;
  iterations: number;
  converged: boolean;
}

/**
 * L2-regularized squared-hinge linear SVM solved in the dual by coordinate descent with
 * shrinking — the algorithm of liblinear's `solve_l2r_l1l2_svc` (Hsieh et al., ICML 2008)
 * that scikit-learn's `LinearSVC(loss='squared_hinge', dual=True)` runs:
 *   min_α ½ αᵀ(Q + D)α − eᵀα,  α ≥ 0,  Q_ij = y_i y_j x_iᵀx_j,  D_ii = 1/(2 C_i)
 * where C_i = (C+ or C−) × sample weight i.
 * with w = Σ α_i y_i x_i kept up to date. The bias is an extra, regularized feature.
 * Deterministic for a given seed. Self-contained (no imports) so it can run in a worker.
 */
export function solveSquaredHingeDual(
  problem: BinaryProblem,
  options: DualSolverOptions,
): BinarySolution {
  const {
    rows,
    cols,
    indptr,
    indices,
    values,
    labels,
    positiveClass,
    squaredNorms,
    sampleWeights,
  } = problem;
  const bias = options.bias;
  const w = new Float64Array(cols);
  let biasWeight = 0;
  const alpha = new Float64Array(rows);
  const y = new Int8Array(rows);
  const qd = new Float64Array(rows);
  const diag = new Float64Array(rows);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    y[i] = labels[i] === positiveClass ? 1 : -1;
    const cost =
      (y[i] > 0 ? options.costPositive : options.costNegative) *
      (sampleWeights ? sampleWeights[i] : 1);
    diag[i] = 0.5 / cost;
    qd[i] = diag[i] + squaredNorms[i] + bias * bias;
    order[i] = i;
  }
  let random = options.seed >>> 0 || 0x9e3779b9;
  let activeSize = rows;
  let maxOld = Infinity;
  let iteration = 0;
  let converged = false;
  while (iteration < options.maxIterations) {
    let maxNew = -Infinity;
    let minNew = Infinity;
    for (let i = 0; i < activeSize; i++) {
      random ^= random << 13;
      random ^= random >>> 17;
      random ^= random << 5;
      const j = i + ((random >>> 0) % (activeSize - i));
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (let s = 0; s < activeSize; s++) {
      const i = order[s];
      const yi = y[i];
      const start = indptr[i];
      const end = indptr[i + 1];
      let dot = biasWeight * bias;
      for (let k = start; k < end; k++) dot += w[indices[k]] * values[k];
      const gradient = yi * dot - 1 + alpha[i] * diag[i];
      let projected = 0;
      if (alpha[i] === 0) {
        if (gradient > maxOld) {
          activeSize--;
          order[s] = order[activeSize];
          order[activeSize] = i;
          s--;
          continue;
        }
        if (gradient < 0) projected = gradient;
      } else {
        projected = gradient;
      }
      if (projected > maxNew) maxNew = projected;
      if (projected < minNew) minNew = projected;
      if (Math.abs(projected) > 1e-12) {
        const previous = alpha[i];
        alpha[i] = Math.max(previous - gradient / qd[i], 0);
        const delta = (alpha[i] - previous) * yi;
        for (let k = start; k < end; k++) w[indices[k]] += delta * values[k];
        biasWeight += delta * bias;
      }
    }
    iteration++;
    if (maxNew - minNew <= options.tolerance) {
      if (activeSize === rows) {
        converged = true;
        break;
      }
      activeSize = rows;
      maxOld = Infinity;
      continue;
    }
    maxOld = maxNew <= 0 ? Infinity : maxNew;
  }
  return { weights: w, intercept: biasWeight * bias, iterations: iteration, converged };
}
