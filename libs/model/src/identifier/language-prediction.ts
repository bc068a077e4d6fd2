/** One candidate language with its calibrated probability. */
export interface LanguageScore {
  language: string;
  score: number;
}

/**
 * Result of {@link LanguageIdentifier.predict}. For undeterminable input `language` is
 * `und`, `confidence` 0 and `top` empty.
 */
export interface LanguagePrediction {
  /** Best label, or `und`. */
  language: string;
  /** Calibrated probability of `language` (0–1). */
  confidence: number;
  /** Best candidates, most likely first (3 unless asked otherwise). */
  top: LanguageScore[];
}

/** Options of `predict` / `predictMany`. */
export interface PredictOptions {
  /** How many candidates `top` lists (1 to the number of classes; default 3). */
  topN?: number;
}

/** How many candidates `top` lists by default. */
export const DEFAULT_TOP_N = 3;
