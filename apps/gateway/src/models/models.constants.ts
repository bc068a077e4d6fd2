/** Injection token of the {@link ModelsOptions}. */
export const MODELS_OPTIONS = Symbol('MODELS_OPTIONS');

/** Settings of the registry endpoints (from the environment). */
export interface ModelsOptions {
  /** PROMOTION_MAX_ACCURACY_DROP: allowed held-out accuracy drop of a promoted candidate. */
  margin: number;
}

/** How long a promotion waits for the broker to confirm `model.promoted.v1`. */
export const MODEL_EVENT_CONFIRM_TIMEOUT_MS = 5000;
