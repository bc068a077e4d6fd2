import type { LanguageIdentifier } from '@sibyl/model';

/** Injection token of the loaded {@link LanguageIdentifier} (one instance per process, loaded at start). */
export const LANGUAGE_MODEL = Symbol('LANGUAGE_MODEL');

/** What the predictor uses of the model; fakes in unit tests implement just this. */
export type LanguageModel = Pick<LanguageIdentifier, 'predict' | 'predictMany' | 'info'>;
