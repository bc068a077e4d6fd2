import { quantizeModel } from './weight-quantization';
import { TfidfVectorizer } from '../features/tfidf-vectorizer';
import { fitTfidfVectorizer } from '../features/tfidf-fitting';
import { Int8Rows, LinearModel, decisionValues } from '../svm/linear-model';
import { trainOneVsRest } from '../svm/one-vs-rest';
import { pruneZeroFeatures } from './feature-pruning';
import { TINY_CORPUS } from './tiny-corpus';
import { DEFAULT_VECTORIZER_OPTIONS } from './training-options';

describe('pruneZeroFeatures', () => {
  const texts = Object.values(TINY_CORPUS).flat();
  const labels = Int32Array.from(
    Object.values(TINY_CORPUS).flatMap((list, k) => list.map(() => k)),
  );
  const { vectorizer, matrix } = fitTfidfVectorizer(texts, {
    ...DEFAULT_VECTORIZER_OPTIONS,
    minDf: 1,
  });
  const svm = { C: 1, bias: 1, tolerance: 0.1, maxIterations: 1000, seed: 1 };
  const quantized = quantizeModel(trainOneVsRest(matrix, labels, 6, svm));
  const int8 = withEmptyRows(quantized, (f) => f % 4 === 0);

  it('keeps exactly the features with a nonzero int8 weight, with their rows', () => {
    const pruned = pruneZeroFeatures(vectorizer, int8);
    const rows = int8.int8Rows as Int8Rows;
    const nonEmpty = Array.from({ length: int8.featureCount }, (_, f) => f).filter(
      (f) => rows.starts[f + 1] > rows.starts[f],
    );
    expect(nonEmpty.length).toBeLessThan(int8.featureCount);
    expect(pruned.linear.featureCount).toBe(nonEmpty.length);
    expect(pruned.vectorizer.featureCount).toBe(nonEmpty.length);
    const prunedRows = pruned.linear.int8Rows as Int8Rows;
    nonEmpty.forEach((f, i) => {
      expect(pruned.vectorizer.keys[i]).toBe(vectorizer.keys[f]);
      expect(pruned.vectorizer.idf[i]).toBe(vectorizer.idf[f]);
      expect(prunedRows.scales[i]).toBe(rows.scales[f]);
      const before = Array.from(rows.values.subarray(rows.starts[f], rows.starts[f + 1]));
      const after = Array.from(
        prunedRows.values.subarray(prunedRows.starts[i], prunedRows.starts[i + 1]),
      );
      expect(after).toEqual(before);
    });
  });

  it('still classifies the training texts the same way', () => {
    const pruned = pruneZeroFeatures(vectorizer, int8);
    const buffer = { indices: new Int32Array(8), values: new Float32Array(8) };
    const scores = new Float64Array(6);
    const argmax = (v: TfidfVectorizer, model: typeof int8, text: string) => {
      const nnz = v.vectorize(text, buffer);
      decisionValues(model, buffer.indices, buffer.values, nnz, scores);
      return scores.indexOf(Math.max(...scores));
    };
    for (const text of texts)
      expect(argmax(pruned.vectorizer, pruned.linear, text)).toBe(argmax(vectorizer, int8, text));
  });
});

/** A copy of `model` whose rows matching `empty` have no weights (as if they had rounded to 0). */
function withEmptyRows(model: LinearModel, empty: (f: number) => boolean): LinearModel {
  const rows = model.int8Rows as Int8Rows;
  const starts = new Int32Array(model.featureCount + 1);
  const classes: number[] = [];
  const values: number[] = [];
  for (let f = 0; f < model.featureCount; f++) {
    if (!empty(f)) {
      for (let j = rows.starts[f]; j < rows.starts[f + 1]; j++) {
        classes.push(rows.classes[j]);
        values.push(rows.values[j]);
      }
    }
    starts[f + 1] = values.length;
  }
  return {
    ...model,
    int8Rows: {
      starts,
      classes: Uint8Array.from(classes),
      values: Int8Array.from(values),
      scales: rows.scales,
    },
  };
}
