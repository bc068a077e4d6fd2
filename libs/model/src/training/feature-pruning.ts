import { TfidfVectorizer } from '../features/tfidf-vectorizer';
import type { Int8Rows, LinearModel } from '../svm/linear-model';

/**
 * Drops features whose int8 weight row is all zeros (they no longer move any score) from the
 * vocabulary and the weights. They did count towards the L2 norm of a text, so scores of
 * texts containing them grow slightly — measured in BENCHMARKS.md before being enabled.
 */
export function pruneZeroFeatures(
  vectorizer: TfidfVectorizer,
  linear: LinearModel,
): { vectorizer: TfidfVectorizer; linear: LinearModel } {
  const rows = linear.int8Rows;
  if (!rows) return { vectorizer, linear };
  const kept: number[] = [];
  for (let f = 0; f < linear.featureCount; f++)
    if (rows.starts[f + 1] > rows.starts[f]) kept.push(f);
  const keys = Float64Array.from(kept, (f) => vectorizer.keys[f]);
  const idf = Float32Array.from(kept, (f) => vectorizer.idf[f]);
  const starts = new Int32Array(kept.length + 1);
  kept.forEach((f, i) => (starts[i + 1] = starts[i] + rows.starts[f + 1] - rows.starts[f]));
  const classes = new Uint8Array(starts[kept.length]);
  const values = new Int8Array(starts[kept.length]);
  kept.forEach((f, i) => {
    classes.set(rows.classes.subarray(rows.starts[f], rows.starts[f + 1]), starts[i]);
    values.set(rows.values.subarray(rows.starts[f], rows.starts[f + 1]), starts[i]);
  });
  const int8Rows: Int8Rows = {
    starts,
    classes,
    values,
    scales: Float32Array.from(kept, (f) => rows.scales[f]),
  };
  return {
    vectorizer: new TfidfVectorizer(vectorizer.options, vectorizer.alphabet, keys, idf),
    linear: { ...linear, featureCount: kept.length, int8Rows },
  };
}
