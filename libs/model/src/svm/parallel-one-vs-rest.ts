import { Worker } from 'node:worker_threads';
import type { SparseMatrix } from '../features/sparse-matrix';
import { BinarySolution, solveSquaredHingeDual } from './dual-coordinate-descent';
import { LinearModel, zeroLinearModel } from './linear-model';
import {
  LinearSvmOptions,
  SvmProgress,
  binaryOptions,
  checkInputs,
  rowSquaredNorms,
  storeSolution,
  trainOneVsRest,
} from './one-vs-rest';

/**
 * Worker source: the solver is self-contained, so its compiled text is shipped as is.
 * The worker reads the shared training matrix and solves the classes it is sent.
 */
function workerSource(): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const solve = (${solveSquaredHingeDual.toString()});
parentPort.on('message', (task) => {
  if (task === null) { parentPort.close(); return; }
  const solution = solve({ ...workerData, positiveClass: task.classIndex }, task.options);
  parentPort.postMessage({ classIndex: task.classIndex, solution }, [solution.weights.buffer]);
});`;
}

function shared<T extends Int32Array | Float32Array | Float64Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Constructor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Constructor(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}

/**
 * {@link trainOneVsRest} with the binary problems spread over `threads` worker threads
 * that share the training matrix (SharedArrayBuffer, no copies per worker). Each class
 * keeps its own seed, so the model is identical to the single-threaded one.
 */
export async function trainOneVsRestParallel(
  matrix: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  options: LinearSvmOptions,
  threads: number,
  onProgress?: (progress: SvmProgress) => void,
): Promise<LinearModel> {
  if (threads <= 1 || classCount < 2)
    return trainOneVsRest(matrix, labels, classCount, options, onProgress);
  checkInputs(matrix, labels, options);
  const data = {
    rows: matrix.rows,
    cols: matrix.cols,
    indptr: shared(matrix.indptr),
    indices: shared(matrix.indices),
    values: shared(matrix.values),
    labels: shared(labels),
    squaredNorms: shared(rowSquaredNorms(matrix)),
    sampleWeights: options.sampleWeights ? shared(options.sampleWeights) : null,
  };
  const model = zeroLinearModel(classCount, matrix.cols);
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerSource(), { eval: true, workerData: data });
      const sendNext = () => {
        if (next >= classCount) {
          worker.postMessage(null);
          return;
        }
        const classIndex = next++;
        worker.postMessage({ classIndex, options: binaryOptions(options, classIndex) });
      };
      worker.on('message', (message: { classIndex: number; solution: BinarySolution }) => {
        storeSolution(model, message.classIndex, message.solution);
        done++;
        onProgress?.({
          classIndex: message.classIndex,
          done,
          total: classCount,
          iterations: message.solution.iterations,
          converged: message.solution.converged,
        });
        sendNext();
      });
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`SVM worker exited with ${code}`)),
      );
      sendNext();
    });
  await Promise.all(Array.from({ length: Math.min(threads, classCount) }, runWorker));
  return model;
}
