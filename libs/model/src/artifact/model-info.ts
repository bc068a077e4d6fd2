import type { VectorizerOptions } from '../features/tfidf-vectorizer';

/** How weights are stored in the artifact. */
export type WeightEncoding = 'float32' | 'int8';

/** Everything that shaped the model; stored in the artifact for reproducibility. */
export interface ModelHyperParameters {
  vectorizer: VectorizerOptions;
  svm: {
    C: number;
    loss: 'squared_hinge';
    penalty: 'l2';
    dual: true;
    multiClass: 'ovr';
    bias: number;
    tolerance: number;
    maxIterations: number;
    seed: number;
    /** How positives of each class are weighted (1 = plain C). */
    classWeighting: string;
    /** Strength of per-language sample weighting (0 = none) and its cap. */
    languageBalance: number;
    maxLanguageWeight: number;
  };
  training: Record<string, string | number | boolean | null>;
  weightEncoding: WeightEncoding;
  /** Second stages for confusable pairs (absent in models without them). */
  pairStages?: {
    languages: [string, string];
    method: 'naive-bayes';
    alpha: number;
    vectorizer: VectorizerOptions;
    features: number;
  }[];
  /** Int8 weights below this fraction of their row's largest were dropped. */
  int8DropBelow: number;
  /** Whether features with all-zero int8 weights were dropped. */
  pruneZeroFeatures: boolean;
}

/** Summary of one evaluation stored with the model. */
export interface StoredMetrics {
  n: number;
  accuracy: number;
  macroF1: number;
  [extra: string]: unknown;
}

/** Identity and provenance of a trained model (`model.info`). */
export interface ModelInfo {
  /** Always {@link MODEL_NAME}. */
  name: string;
  /** Version of the artifact layout. */
  formatVersion: number;
  /** Version of this trained model, e.g. `langid-2026.11.26-1a2b3c4d`. */
  modelVersion: string;
  /** ISO-8601 time of training. */
  createdAt: string;
  /** SHA-256 over the training corpus files (see the CLI's corpus reader). */
  corpusSha256: string;
  /** Labels, in the order of the model's score columns. */
  classes: string[];
  hyperParameters: ModelHyperParameters;
  /** Evaluations by data set name, e.g. `heldOut`, `udhrSentences`. */
  metrics: Record<string, StoredMetrics>;
}

/** Name written into (and required from) every artifact. */
export const MODEL_NAME = 'sibyl-langid';
