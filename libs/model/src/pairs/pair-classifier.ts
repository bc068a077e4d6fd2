import {
  TfidfVectorizer,
  type SparseVectorBuffer,
  type VectorizerState,
} from '../features/tfidf-vectorizer';
import { FastScorer, type FastScorerState } from '../identifier/fast-scorer';

/** A {@link PairClassifier} as plain data (structured-clonable, arrays transferable). */
export interface PairClassifierState {
  languages: readonly [string, string];
  vectorizer: VectorizerState;
  weights: Float32Array;
  intercept: number;
  fast: FastScorerState | null;
}

/**
 * The second stage for one confusable pair (e.g. Croatian/Serbian): a binary linear scorer
 * over its own TF-IDF features, consulted only when the main model's two best languages are
 * this pair. `weights[f]` is the log-likelihood ratio of feature f (first language over
 * second); a positive total means the first language.
 */
export class PairClassifier {
  private readonly buffer: SparseVectorBuffer = {
    indices: new Int32Array(256),
    values: new Float32Array(256),
  };
  /** The one-pass scorer (a one-class linear model), when the features allow it. */
  private readonly fast: FastScorer | null;
  private readonly fastScore = new Float64Array(1);

  constructor(
    /** The two labels, first = positive side. */
    readonly languages: readonly [string, string],
    readonly vectorizer: TfidfVectorizer,
    /** One weight per feature of {@link vectorizer}. */
    readonly weights: Float32Array,
    /** Added to the score: the log prior ratio and any per-pair calibration shift. */
    readonly intercept: number,
    /** The tables of its fast scorer when already built (see {@link state}). */
    fast?: FastScorerState | null,
  ) {
    if (weights.length !== vectorizer.featureCount)
      throw new RangeError('pair weights and features differ in length');
    this.fast = FastScorer.supports(vectorizer)
      ? new FastScorer(
          vectorizer,
          {
            classCount: 1,
            featureCount: weights.length,
            weights,
            int8Rows: null,
            intercepts: Float32Array.of(intercept),
          },
          fast ?? undefined,
        )
      : null;
  }

  /** Rewraps a pair stage exported by {@link state} without rebuilding its tables. */
  static fromState(state: PairClassifierState): PairClassifier {
    const vectorizer = TfidfVectorizer.fromState(state.vectorizer);
    return new PairClassifier(
      state.languages,
      vectorizer,
      state.weights,
      state.intercept,
      state.fast,
    );
  }

  /** This pair stage as plain data (shares its arrays). */
  state(): PairClassifierState {
    return {
      languages: this.languages,
      vectorizer: this.vectorizer.state(),
      weights: this.weights,
      intercept: this.intercept,
      fast: this.fast?.state() ?? null,
    };
  }

  /**
   * Log-odds of the first language against the second for `text`; NaN when the text shares
   * no feature with this pair's vocabulary (then the main model's order stands).
   */
  score(text: string): number {
    if (this.fast) {
      return this.fast.score(text, this.fastScore) > 0 ? this.fastScore[0] : Number.NaN;
    }
    const nnz = this.vectorizer.vectorize(text, this.buffer);
    if (nnz === 0) return Number.NaN;
    let total = this.intercept;
    const { indices, values } = this.buffer;
    for (let i = 0; i < nnz; i++) total += values[i] * this.weights[indices[i]];
    return total;
  }
}

/**
 * Lets the pair stages that apply re-order `probabilities` in place: when the two best
 * classes form a pair and the pair's classifier disagrees with their order, their
 * probabilities are swapped (the pair's total mass and every other class stay as they were).
 * @returns whether a pair stage was consulted
 */
export function applyPairStages(
  pairs: readonly PairStageIndex[],
  text: string,
  probabilities: Float64Array,
): boolean {
  if (pairs.length === 0) return false;
  let first = -1;
  let second = -1;
  for (let k = 0; k < probabilities.length; k++) {
    if (first < 0 || probabilities[k] > probabilities[first]) {
      second = first;
      first = k;
    } else if (second < 0 || probabilities[k] > probabilities[second]) second = k;
  }
  for (const pair of pairs) {
    const forward = pair.first === first && pair.second === second;
    const backward = pair.first === second && pair.second === first;
    if (!forward && !backward) continue;
    const logOdds = pair.classifier.score(text);
    if (Number.isNaN(logOdds)) return true;
    const wantFirst = logOdds > 0;
    if (wantFirst !== forward) {
      const swap = probabilities[first];
      probabilities[first] = probabilities[second];
      probabilities[second] = swap;
    }
    return true;
  }
  return false;
}

/** A pair stage with its two languages resolved to the main model's class indices. */
export interface PairStageIndex {
  classifier: PairClassifier;
  /** Class index of `classifier.languages[0]`. */
  first: number;
  /** Class index of `classifier.languages[1]`. */
  second: number;
}
