import { SparseMatrix } from '../features/sparse-matrix';
import { LinearModel, zeroLinearModel } from './linear-model';
import {
  BinarySolution,
  DualSolverOptions,
  solveSquaredHingeDual,
} from './dual-coordinate-descent';

/** Hyper-parameters of {@link trainOneVsRest}. */
export interface LinearSvmOptions {
  /** Regularization: larger C fits the training data more tightly. */
  C: number;
  /** Per-class multiplier of C for that class's positive rows (default 1 each). */
  classCostFactors?: ArrayLike<number>;
  /** Per-row multiplier of C in every binary problem (scikit-learn `sample_weight`). */
  sampleWeights?: Float32Array;
  /** Intercept feature value (scikit-learn `intercept_scaling`; 0 = no intercept). */
  bias: number;
  tolerance: number;
  maxIterations: number;
  seed: number;
}

/** scikit-learn `LinearSVC()` defaults. */
export const SKLEARN_LINEAR_SVC_DEFAULTS: LinearSvmOptions = Object.freeze({
  C: 1,
  bias: 1,
  tolerance: 1e-4,
  maxIterations: 1000,
  seed: 1,
});

/** Progress after each finished binary problem. */
export interface SvmProgress {
  classIndex: number;
  done: number;
  total: number;
  iterations: number;
  converged: boolean;
}

/**
 * Trains one binary squared-hinge SVM per class (that class against all others), as
 * liblinear does for more than two classes. Binary problems are seeded with
 * `seed + class index`, so the result does not depend on the order they run in.
 */
export function trainOneVsRest(
  matrix: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  options: LinearSvmOptions,
  onProgress?: (progress: SvmProgress) => void,
): LinearModel {
  checkInputs(matrix, labels, options);
  const squaredNorms = rowSquaredNorms(matrix);
  const model = zeroLinearModel(classCount, matrix.cols);
  for (let k = 0; k < classCount; k++) {
    const solution = solveSquaredHingeDual(
      {
        ...matrix,
        labels,
        positiveClass: k,
        squaredNorms,
        sampleWeights: options.sampleWeights ?? null,
      },
      binaryOptions(options, k),
    );
    storeSolution(model, k, solution);
    onProgress?.({
      classIndex: k,
      done: k + 1,
      total: classCount,
      iterations: solution.iterations,
      converged: solution.converged,
    });
  }
  return model;
}

/** @throws RangeError for mismatched labels or weights, or a C that is not positive */
export function checkInputs(
  matrix: SparseMatrix,
  labels: Int32Array,
  options: LinearSvmOptions,
): void {
  if (labels.length !== matrix.rows) throw new RangeError('one label per row is required');
  if (!(options.C > 0)) throw new RangeError('C must be positive');
  if (options.sampleWeights && options.sampleWeights.length !== matrix.rows) {
    throw new RangeError('one sample weight per row is required');
  }
}

/** Solver options of the binary problem of class `k`. */
export function binaryOptions(options: LinearSvmOptions, k: number): DualSolverOptions {
  return {
    costPositive: options.C * (options.classCostFactors?.[k] ?? 1),
    costNegative: options.C,
    bias: options.bias,
    tolerance: options.tolerance,
    maxIterations: options.maxIterations,
    seed: (options.seed + k * 0x9e3779b1) >>> 0,
  };
}

/** Copies a binary solution into column `k` of the one-vs-rest model. */
export function storeSolution(model: LinearModel, k: number, solution: BinarySolution): void {
  const { weights, classCount } = model;
  if (!weights) throw new Error('cannot store a solution into an int8 model');
  for (let f = 0; f < model.featureCount; f++) weights[f * classCount + k] = solution.weights[f];
  model.intercepts[k] = solution.intercept;
}

/** ‖x_i‖² for every row of `matrix`. */
export function rowSquaredNorms(matrix: SparseMatrix): Float64Array {
  const norms = new Float64Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    let sum = 0;
    for (let k = matrix.indptr[i]; k < matrix.indptr[i + 1]; k++)
      sum += matrix.values[k] * matrix.values[k];
    norms[i] = sum;
  }
  return norms;
}
