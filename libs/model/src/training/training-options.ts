import { availableParallelism } from 'node:os';
import type { VectorizerOptions } from '../features/tfidf-vectorizer';
import type { WeightEncoding } from '../artifact/model-info';
import { DEFAULT_NORMALIZATION } from '../text/text-normalizer';
import type { TrainingSample } from './held-out-split';

/** How the positives of each one-vs-rest problem are weighted. */
export type ClassWeighting = 'none' | 'balanced';

/** Everything {@link trainLanguageIdentifier} can be told. */
export interface TrainingOptions {
  vectorizer: VectorizerOptions;
  /** SVM regularization. */
  C: number;
  /** `balanced` = scikit-learn `class_weight='balanced'`: C · n / (classes · n_class) for positives. */
  classWeighting: ClassWeighting;
  /**
   * Evens out languages with per-sample weights: (mean count / language count)^strength,
   * 0 = off, 1 = equal total weight per language (see {@link languageBalanceWeights}).
   */
  languageBalance: number;
  /** Cap of those weights (Waray has a few dozen lines). */
  maxLanguageWeight: number;
  /** Also train on the Latin spelling of every Cyrillic Serbian line. */
  serbianLatin: boolean;
  /**
   * Confusable pairs that get a second stage (naive Bayes over the pair's own features, see
   * `trainPairClassifier`); a pair is skipped when one of its languages has no samples.
   */
  pairStages: readonly PairStageSpec[];
  tolerance: number;
  maxIterations: number;
  /** Seeds the held-out split and the solver's coordinate order. */
  seed: number;
  /**
   * The main model (and the held-out split) use the first this many samples of each language
   * (0 = all); the pair stages also learn from the rest, which they need (BENCHMARKS.md).
   */
  maxLinesPerLanguage: number;
  /** Fraction of each language kept out of training to calibrate and measure. */
  heldOutFraction: number;
  /** Cap on held-out texts per language. */
  heldOutMaxPerLanguage: number;
  weightEncoding: WeightEncoding;
  /** With int8 weights, drop weights below this fraction of their feature's largest one. */
  int8DropBelow: number;
  /** With int8 weights, drop features whose weights all round to 0 (see `pruneZeroFeatures`). */
  pruneZeroFeatures: boolean;
  /** Worker threads for the one-vs-rest SVMs (1 = in this thread); the model does not depend on it. */
  threads: number;
  /** SHA-256 identifying the training corpus (stored in the model). */
  corpusSha256: string;
  /** Defaults to `langid-YYYY.MM.DD-<first 8 hex of corpusSha256>`. */
  modelVersion?: string;
  /** Defaults to now. */
  createdAt?: Date;
  /** Free-form provenance stored under `hyperParameters.training` (corpus caps, sources...). */
  provenance?: Record<string, string | number | boolean | null>;
  /**
   * Verified feedback (`models export-feedback`) trained on besides the corpus: never held out
   * nor capped, each sample's weight (which multiplies C) times `weight`.
   */
  feedback?: FeedbackTrainingSet;
}

/** Default weight of one verified feedback sample against one corpus line (see {@link FeedbackTrainingSet}). */
export const DEFAULT_FEEDBACK_WEIGHT = 5;

/** Feedback samples and how much each counts against a corpus line. */
export interface FeedbackTrainingSet {
  samples: readonly TrainingSample[];
  /** > 0; {@link DEFAULT_FEEDBACK_WEIGHT} by default in the CLI. */
  weight: number;
}

/** One pair stage to train. */
export interface PairStageSpec {
  /** The two labels, e.g. `['hr', 'sr']`. */
  languages: readonly [string, string];
  /** Naive Bayes smoothing. */
  alpha: number;
}

/** Smoothing of the pair stages' naive Bayes (chosen by measurement, see BENCHMARKS.md). */
export const PAIR_STAGE_ALPHA = 0.01;

/**
 * The pairs with a second stage: Croatian/Serbian and Danish/Bokmål. Malay/Indonesian has
 * none: its stage made more errors than it fixed (BENCHMARKS.md, "what each lever gave").
 */
export const DEFAULT_PAIR_STAGES: readonly PairStageSpec[] = Object.freeze([
  { languages: ['hr', 'sr'] as const, alpha: PAIR_STAGE_ALPHA },
  { languages: ['da', 'nb'] as const, alpha: PAIR_STAGE_ALPHA },
]);

/** The model's own feature set: see {@link DEFAULT_NORMALIZATION}. */
export const DEFAULT_VECTORIZER_OPTIONS: VectorizerOptions = Object.freeze({
  normalization: DEFAULT_NORMALIZATION,
  ngramMin: 2,
  ngramMax: 3,
  wordUnigrams: true,
  sublinearTf: true,
  minDf: 2,
  wordWeight: 1,
});

/** Defaults chosen by measurement (see BENCHMARKS.md). */
export const DEFAULT_TRAINING_OPTIONS: Omit<TrainingOptions, 'corpusSha256'> = Object.freeze({
  vectorizer: DEFAULT_VECTORIZER_OPTIONS,
  C: 1,
  classWeighting: 'none',
  languageBalance: 0,
  maxLanguageWeight: 10,
  serbianLatin: true,
  pairStages: DEFAULT_PAIR_STAGES,
  tolerance: 0.1,
  maxIterations: 1000,
  seed: 42,
  maxLinesPerLanguage: 0,
  heldOutFraction: 0.05,
  heldOutMaxPerLanguage: 500,
  weightEncoding: 'int8',
  int8DropBelow: 1 / 16,
  pruneZeroFeatures: true,
  threads: Math.max(1, Math.min(availableParallelism(), 4)),
});
