export * from './languages/languages';
export * from './text/text-normalizer';
export { TfidfVectorizer } from './features/tfidf-vectorizer';
export type { VectorizerOptions, VectorizerProgress } from './features/tfidf-vectorizer';
export type { SparseMatrix } from './features/sparse-matrix';
export { trainOneVsRest, SKLEARN_LINEAR_SVC_DEFAULTS } from './svm/one-vs-rest';
export type { LinearModel, LinearSvmOptions, SvmProgress } from './svm/one-vs-rest';
export { LanguageIdentifier, DEFAULT_MODEL_PATH } from './identifier/language-identifier';
export * from './identifier/language-prediction';
export * from './identifier/model-info';
export { MODEL_FORMAT_VERSION, MODEL_MAGIC } from './artifact/model-codec';
export { ModelFormatError } from './artifact/model-format-error';
export * from './evaluation/classification-report';
export { trainLanguageIdentifier } from './training/train-language-identifier';
export type {
  TrainingPhase,
  TrainingProgress,
  TrainingResult,
} from './training/train-language-identifier';
export type { TrainingSample } from './training/held-out-split';
export * from './training/training-options';
