/**
 * Training entry of `@sibyl/model` (`@sibyl/model/training`): TF-IDF fitting, the one-vs-rest
 * SVM and the whole training pipeline. Only tools import it; apps use the inference entry.
 */
export { TfidfVectorizer } from './features/tfidf-vectorizer';
export { fitTfidfVectorizer } from './features/tfidf-fitting';
export type { VectorizerProgress } from './features/tfidf-vectorizer';
export type { SparseMatrix } from './features/sparse-matrix';
export { trainOneVsRest, SKLEARN_LINEAR_SVC_DEFAULTS } from './svm/one-vs-rest';
export type { LinearSvmOptions, SvmProgress } from './svm/one-vs-rest';
export type { LinearModel } from './svm/linear-model';
export { trainLanguageIdentifier } from './training/train-language-identifier';
export type {
  TrainingPhase,
  TrainingProgress,
  TrainingResult,
} from './training/train-language-identifier';
export type { TrainingSample } from './training/held-out-split';
export { splitOptionsOf, trainingSplit } from './training/training-split';
export type { SplitOptions } from './training/training-split';
export * from './training/training-options';
export { trainPairStage } from './training/pair-training';
export { PairClassifier } from './pairs/pair-classifier';
