import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparseMatrix, SparseMatrixBuilder } from '../features/sparse-matrix';
import { decisionValues } from './linear-model';
import { SKLEARN_LINEAR_SVC_DEFAULTS, trainOneVsRest } from './one-vs-rest';
import { trainOneVsRestParallel } from './parallel-one-vs-rest';

interface SvmCase {
  classWeight: Record<string, number> | null;
  sampleWeight: number[] | null;
  classes: string[];
  coef: number[][] | null;
  intercept: number[];
  testDecision: number[][];
  testPredicted: string[];
}

type Row = { indices: number[]; values: number[] };

interface SvmFixture {
  cols: number;
  rows: Row[];
  labels: string[];
  testRows: Row[];
  cases: SvmCase[];
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'linear-svc.json'), 'utf8'),
) as SvmFixture;

function toMatrix(rows: Row[], cols: number): SparseMatrix {
  const builder = new SparseMatrixBuilder();
  for (const row of rows) builder.addRow(row.indices, row.values, row.indices.length);
  return builder.build(cols);
}

const TIGHT = { ...SKLEARN_LINEAR_SVC_DEFAULTS, tolerance: 1e-8, maxIterations: 200000 };

describe.each(
  fixture.cases.map(
    (c) =>
      [
        `${JSON.stringify(c.classWeight)}, sample_weight=${c.sampleWeight ? 'varied' : 'none'}`,
        c,
      ] as const,
  ),
)('trainOneVsRest against scikit-learn LinearSVC (class_weight=%s)', (_name, svmCase) => {
  const matrix = toMatrix(fixture.rows, fixture.cols);
  const classes = svmCase.classes;
  const labels = Int32Array.from(fixture.labels, (label) => classes.indexOf(label));
  const factors = classes.map((c) => svmCase.classWeight?.[c] ?? 1);
  const sampleWeights = svmCase.sampleWeight ? Float32Array.from(svmCase.sampleWeight) : undefined;
  const model = trainOneVsRest(matrix, labels, classes.length, {
    ...TIGHT,
    classCostFactors: factors,
    sampleWeights,
  });

  it('finds the same optimum (weights and intercepts)', () => {
    svmCase.intercept.forEach((b, k) => expect(model.intercepts[k]).toBeCloseTo(b, 4));
    svmCase.coef?.forEach((row, k) =>
      row.forEach((w, f) =>
        expect((model.weights as Float32Array)[f * classes.length + k]).toBeCloseTo(w, 4),
      ),
    );
  });

  it('gives the same decision values and predictions on unseen rows', () => {
    const scores = new Float64Array(classes.length);
    fixture.testRows.forEach((row, r) => {
      decisionValues(model, row.indices, row.values, row.indices.length, scores);
      svmCase.testDecision[r].forEach((d, k) => expect(scores[k]).toBeCloseTo(d, 4));
      const best = scores.indexOf(Math.max(...scores));
      expect(classes[best]).toBe(svmCase.testPredicted[r]);
    });
  });
});

describe('trainOneVsRest', () => {
  const matrix = toMatrix(fixture.rows, fixture.cols);
  const labels = Int32Array.from(fixture.labels, (label) =>
    ['de', 'en', 'ja', 'ru', 'sv'].indexOf(label),
  );

  it('is deterministic for a seed, whatever the default tolerance', () => {
    const a = trainOneVsRest(matrix, labels, 5, { ...SKLEARN_LINEAR_SVC_DEFAULTS, seed: 7 });
    const b = trainOneVsRest(matrix, labels, 5, { ...SKLEARN_LINEAR_SVC_DEFAULTS, seed: 7 });
    expect(
      Buffer.from((a.weights as Float32Array).buffer).equals(
        Buffer.from((b.weights as Float32Array).buffer),
      ),
    ).toBe(true);
  });

  it('reports progress per class and rejects bad arguments', () => {
    const seen: number[] = [];
    trainOneVsRest(matrix, labels, 5, SKLEARN_LINEAR_SVC_DEFAULTS, (p) => seen.push(p.done));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(() =>
      trainOneVsRest(matrix, labels.subarray(1), 5, SKLEARN_LINEAR_SVC_DEFAULTS),
    ).toThrow(RangeError);
    expect(() =>
      trainOneVsRest(matrix, labels, 5, { ...SKLEARN_LINEAR_SVC_DEFAULTS, C: 0 }),
    ).toThrow(RangeError);
  });
});

describe('trainOneVsRestParallel', () => {
  const matrix = toMatrix(fixture.rows, fixture.cols);
  const labels = Int32Array.from(fixture.labels, (label) =>
    ['de', 'en', 'ja', 'ru', 'sv'].indexOf(label),
  );

  it('gives exactly the single-threaded model, whatever the thread count', async () => {
    const single = trainOneVsRest(matrix, labels, 5, SKLEARN_LINEAR_SVC_DEFAULTS);
    const seen: number[] = [];
    const parallel = await trainOneVsRestParallel(
      matrix,
      labels,
      5,
      SKLEARN_LINEAR_SVC_DEFAULTS,
      2,
      (p) => seen.push(p.classIndex),
    );
    expect(
      Buffer.from((parallel.weights as Float32Array).buffer).equals(
        Buffer.from((single.weights as Float32Array).buffer),
      ),
    ).toBe(true);
    expect(Array.from(parallel.intercepts)).toEqual(Array.from(single.intercepts));
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
