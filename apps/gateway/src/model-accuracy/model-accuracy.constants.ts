/** Base path of the models API (h11a's registry endpoints share it). */
export const MODELS_PATH = 'v1/models';

/** Items of the count windows (`last_100`, `last_1000`). */
export const SHORT_WINDOW_ITEMS = 100;
export const LONG_WINDOW_ITEMS = 1000;

/** Span of the time window (`last_24h`). */
export const DAY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Most feedback items the time window reads (the newest; the window says `truncated` beyond). */
export const DAY_WINDOW_MAX_ITEMS = 20_000;

/** Confused pairs listed per window. */
export const CONFUSED_PAIRS_LISTED = 10;

/** Distinct model versions `sibyl_feedback_total` labels; feedback on more counts as `other`. */
export const MAX_VERSION_LABELS = 20;

/** Model versions the live-accuracy gauges cover at most (those with feedback in the last 24 h). */
export const MAX_GAUGED_VERSIONS = 10;

/** Label value standing for anything outside the bounded label sets. */
export const OTHER_LABEL = 'other';

/** A model version as the API accepts it in a path. */
export const MODEL_VERSION_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Injection token of the {@link ModelAccuracyOptions}. */
export const MODEL_ACCURACY_OPTIONS = Symbol('MODEL_ACCURACY_OPTIONS');

/** Settings of live accuracy (from the environment). */
export interface ModelAccuracyOptions {
  /** Period of the live-accuracy gauges' refresh (LIVE_ACCURACY_INTERVAL_MS; 0 = never). */
  refreshIntervalMs: number;
}
