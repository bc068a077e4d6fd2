/** Most confirms recorded (`publishedAt`) per bulkWrite. */
export const MARK_BATCH_MAX = 100;

/** How long confirms wait to be grouped into one bulkWrite. */
export const MARK_BATCH_WAIT_MS = 20;

/** Mark writes in flight at once (one: concurrent SQLite writes only collide). */
export const MARK_MAX_CONCURRENT = 1;

/**
 * Confirms waiting to be recorded beyond which new ones are not recorded (counted in
 * `sibyl_outbox_unrecorded_confirms_total`): recording is bookkeeping, it must never grow
 * memory without bound when the database writes slower than requests arrive.
 */
export const MARK_QUEUE_MAX = 20_000;

/** Longest a shutdown waits for confirms to be recorded. */
export const MARK_DRAIN_MS = 2000;

/** Failed publishes kept in memory for the relay to retry; beyond, the relay falls back to a database sweep. */
export const RETRY_MEMORY_MAX = 100_000;

/** Buckets of `sibyl_publish_confirm_seconds`: 1 ms to 5 s. */
export const CONFIRM_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Injection token of the {@link OutboxRelayOptions}. */
export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/** Injection token of the {@link OutboxDispatcherOptions}. */
export const OUTBOX_DISPATCHER_OPTIONS = Symbol('OUTBOX_DISPATCHER_OPTIONS');
