/** Injection token of the micro-batching options (`MicroBatcherOptions`: BATCH_MAX_SIZE, BATCH_MAX_WAIT_MS, BATCH_MODE, BATCH_PIPELINE, BATCH_WRITES_IN_FLIGHT). */
export const BATCHING_OPTIONS = Symbol('BATCHING_OPTIONS');
