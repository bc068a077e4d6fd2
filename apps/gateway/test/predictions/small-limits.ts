import type { PredictionsOptions } from '../../src/predictions/predictions.constants';

/** Limits small enough for unit specs to reach: 10-byte texts, 2-item batches, no waiting. */
export const SMALL_LIMITS: PredictionsOptions = {
  maxTextBytes: 10,
  maxBatchItems: 2,
  maxWaitMs: 0,
  insertBatchMax: 1,
  insertBatchWaitMs: 0,
  maxLongPollsPerKey: 1,
};
