import { Alphabet } from './alphabet';
import { SparseMatrix } from './sparse-matrix';
import { TextFeatureKeys } from './text-feature-keys';
import { TfidfVectorizer, VectorizerOptions, VectorizerProgress } from './tfidf-vectorizer';
import { countDocumentFrequencies } from './vocabulary-builder';

/**
 * Learns the vocabulary and idf from `texts` and returns their TF-IDF matrix
 * (scikit-learn `fit_transform`): features found in fewer than `minDf` texts are dropped,
 * idf = ln((1 + n) / (1 + df)) + 1.
 */
export function fitTfidfVectorizer(
  texts: readonly string[],
  options: VectorizerOptions,
  onProgress?: (progress: VectorizerProgress) => void,
): { vectorizer: TfidfVectorizer; matrix: SparseMatrix } {
  const alphabet = new Alphabet();
  const features = new TextFeatureKeys(options.normalization, options, alphabet);
  const frequencies = countDocumentFrequencies(texts, features, onProgress);
  const kept: number[] = [];
  frequencies.table.forEach((key, index) => {
    if (frequencies.df[index] >= options.minDf) kept.push(key);
  });
  const keys = Float64Array.from(kept).sort();
  const idf = new Float32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const df = frequencies.df[frequencies.table.get(keys[i])];
    idf[i] = Math.log((1 + texts.length) / (1 + df)) + 1;
  }
  const vectorizer = new TfidfVectorizer(options, alphabet, keys, idf);
  return { vectorizer, matrix: vectorizer.transform(texts, onProgress) };
}
