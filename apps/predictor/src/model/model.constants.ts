import type { LanguageIdentifier } from '@sibyl/model';

/** What the predictor uses of the model; fakes in unit tests implement just this. */
export type LanguageModel = Pick<LanguageIdentifier, 'predict' | 'predictMany' | 'info'>;

/** Injection token of the {@link ModelSource} the predictor loads live models from (the registry). */
export const MODEL_SOURCE = Symbol('MODEL_SOURCE');
