/**
 * Inference entry of `@sibyl/model`: load a model artifact and identify languages.
 * Training lives in the `@sibyl/model/training` entry, so that services which only predict
 * (the predictor) carry none of the training code.
 */
export * from './languages/languages';
export * from './text/text-normalizer';
export type { VectorizerOptions } from './features/tfidf-vectorizer';
export { LanguageIdentifier, DEFAULT_MODEL_PATH } from './identifier/language-identifier';
export { modelStateTransferList, type ModelState } from './identifier/model-state';
export * from './identifier/language-prediction';
export * from './artifact/model-info';
export { MODEL_FORMAT_VERSION, MODEL_MAGIC } from './artifact/model-codec';
export { ModelFormatError } from './artifact/model-format-error';
export * from './evaluation/classification-report';
