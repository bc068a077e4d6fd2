import type { LanguageIdentifier } from '@sibyl/model';

/** What the predictor uses of the model; fakes in unit tests implement just this. */
export type LanguageModel = Pick<LanguageIdentifier, 'predict' | 'predictMany' | 'info'>;

/** Injection token of the {@link ModelSource} the predictor loads live models from (the registry). */
export const MODEL_SOURCE = Symbol('MODEL_SOURCE');

/**
 * Default of MODEL_DECODE_TIMEOUT_MS: how long a decode may take in the worker before the worker is taken for
 * hung and replaced. A decode of the 3 MiB model takes hundreds of milliseconds, a few seconds on a busy machine.
 */
export const DEFAULT_MODEL_DECODE_TIMEOUT_MS = 30000;
