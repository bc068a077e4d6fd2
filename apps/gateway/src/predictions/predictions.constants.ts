/** Base path of the predictions API. */
export const PREDICTIONS_PATH = 'v1/predictions';

/** Concurrent insertMany calls the submission coalescer keeps in flight. */
export const INSERT_MAX_CONCURRENT = 4;

/** Bound of the shutdown's wait for pending inserts when DATABASE_OPERATION_TIMEOUT_MS is 0 (unbounded). */
export const INSERT_DRAIN_UNBOUNDED_DB_MS = 30_000;

/** Injection token of the {@link PredictionsOptions}. */
export const PREDICTIONS_OPTIONS = Symbol('PREDICTIONS_OPTIONS');

/** Limits and tuning of the predictions API (from the environment). */
export interface PredictionsOptions {
  /** Largest text, in UTF-8 bytes (MAX_TEXT_BYTES). */
  maxTextBytes: number;
  /** Most texts per batch (MAX_BATCH_ITEMS). */
  maxBatchItems: number;
  /** Cap of `?wait=` (MAX_WAIT_MS). */
  maxWaitMs: number;
  /** Concurrent `?wait=` long polls of one key (MAX_LONG_POLLS_PER_KEY). */
  maxLongPollsPerKey: number;
  /** Most documents per grouped insertMany (INSERT_BATCH_MAX). */
  insertBatchMax: number;
  /** Grouping window of inserts (INSERT_BATCH_WAIT_MS). */
  insertBatchWaitMs: number;
}
