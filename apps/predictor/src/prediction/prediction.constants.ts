/** Injection token of the micro-batching options (`MicroBatcherOptions`: BATCH_MAX_SIZE, BATCH_MAX_WAIT_MS). */
export const BATCHING_OPTIONS = Symbol('BATCHING_OPTIONS');
