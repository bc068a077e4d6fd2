import { KeyTable } from './key-table';
import type { TextFeatureKeys } from './text-feature-keys';
import type { VectorizerProgress } from './tfidf-vectorizer';

/** Every distinct feature key of a corpus with its document frequency. */
export interface DocumentFrequencies {
  /** key → dense id in first-seen order. */
  table: KeyTable;
  /** df[id] = number of texts containing the feature at least once. */
  df: Int32Array;
}

const PROGRESS_EVERY = 20000;

/** First pass of fitting: grows the alphabet and counts in how many texts each feature occurs. */
export function countDocumentFrequencies(
  texts: readonly string[],
  features: TextFeatureKeys,
  onProgress?: (progress: VectorizerProgress) => void,
): DocumentFrequencies {
  const table = new KeyTable(1 << 16);
  let df: Int32Array = new Int32Array(1 << 16);
  let lastText: Int32Array = new Int32Array(1 << 16);
  for (let d = 0; d < texts.length; d++) {
    const count = features.extract(texts[d], true);
    const keys = features.keys;
    for (let i = 0; i < count; i++) {
      const id = table.getOrAdd(keys[i]);
      if (id >= df.length) {
        df = enlarge(df);
        lastText = enlarge(lastText);
      }
      if (lastText[id] !== d + 1) {
        lastText[id] = d + 1;
        df[id]++;
      }
    }
    if (onProgress && (d % PROGRESS_EVERY === 0 || d === texts.length - 1)) {
      onProgress({ phase: 'vocabulary', done: d + 1, total: texts.length });
    }
  }
  return { table, df };
}

function enlarge(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
