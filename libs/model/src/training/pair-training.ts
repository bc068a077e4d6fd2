import { fitTfidfVectorizer } from '../features/tfidf-fitting';
import type { VectorizerOptions } from '../features/tfidf-vectorizer';
import { PairClassifier } from '../pairs/pair-classifier';
import type { TrainingSample } from './held-out-split';
import { hasCyrillic, serbianToLatin } from './serbian-latin';
import type { PairStageSpec } from './training-options';

/** How a pair stage is trained. */
export interface PairStageOptions {
  /** The two labels (first = positive side). */
  languages: [string, string];
  /** Features of the pair's own vectorizer. */
  vectorizer: VectorizerOptions;
  /** Additive (Lidstone) smoothing of the naive Bayes feature totals. */
  alpha: number;
}

/**
 * Trains the second stage of one pair as multinomial naive Bayes over TF-IDF values, with
 * equal priors: weight(f) = ln P(f | first) − ln P(f | second), where P(f | c) is the smoothed
 * share of feature f in the TF-IDF mass of class c. Naive Bayes compares how often each
 * feature occurs within each language, so a pair whose training text differs in size or
 * domain (Indonesian has LibreOffice prose, Malay only UI strings) is not tilted by it as a
 * discriminative model is.
 */
export function trainPairClassifier(
  texts: readonly string[],
  /** 0 = first language, 1 = second, per text. */
  sides: Uint8Array,
  options: PairStageOptions,
): PairClassifier {
  const { vectorizer, matrix } = fitTfidfVectorizer(texts, options.vectorizer);
  const featureCount = vectorizer.featureCount;
  const mass = [new Float64Array(featureCount), new Float64Array(featureCount)];
  const totals = [0, 0];
  for (let d = 0; d < matrix.rows; d++) {
    const side = sides[d];
    for (let k = matrix.indptr[d]; k < matrix.indptr[d + 1]; k++) {
      mass[side][matrix.indices[k]] += matrix.values[k];
      totals[side] += matrix.values[k];
    }
  }
  const { alpha } = options;
  const weights = new Float32Array(featureCount);
  const denominators = totals.map((total) => total + alpha * featureCount);
  for (let f = 0; f < featureCount; f++) {
    weights[f] =
      Math.log((mass[0][f] + alpha) / denominators[0]) -
      Math.log((mass[1][f] + alpha) / denominators[1]);
  }
  return new PairClassifier(options.languages, vectorizer, weights, 0);
}

/**
 * The second stage of one pair trained on the samples of its two languages (the others are
 * skipped). Serbian is taken in Latin spelling: the main model tells Cyrillic apart by script,
 * so the pair is only ever asked about Latin text.
 */
export function trainPairStage(
  samples: readonly TrainingSample[],
  spec: PairStageSpec,
  vectorizer: VectorizerOptions,
): PairClassifier {
  const texts: string[] = [];
  const sides: number[] = [];
  for (const sample of samples) {
    const side = spec.languages.indexOf(sample.language);
    if (side < 0) continue;
    texts.push(
      sample.language === 'sr' && hasCyrillic(sample.text)
        ? serbianToLatin(sample.text)
        : sample.text,
    );
    sides.push(side);
  }
  return trainPairClassifier(texts, Uint8Array.from(sides), {
    languages: [spec.languages[0], spec.languages[1]],
    vectorizer,
    alpha: spec.alpha,
  });
}
