import { twoDatabaseBoundsMs } from '../records/database-deadline';

/** Bytes counted per request in memory on top of its text (ids, dates, message properties, map entry). */
export const REQUEST_OVERHEAD_BYTES = 256;

/** Injection token of the {@link OutboxDispatchOptions}. */
export const OUTBOX_DISPATCH_OPTIONS = Symbol('OUTBOX_DISPATCH_OPTIONS');

/** Buckets of `sibyl_publish_confirm_seconds`: 1 ms to 5 s. */
export const CONFIRM_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Injection token of the {@link OutboxRelayOptions}. */
export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/** Most requests a sweep reads per query (a page of candidates; the sweep continues after it). */
export const SWEEP_PAGE_MAX = 20_000;

/** The `error` of the `failed` result stored for a request the relay gave up on. */
export const GAVE_UP_ERROR =
  'not processed after the maximum number of publishes (see the dead-letter queue)';

/** Least time between two sweeps (the rate limit of the sweep, with OUTBOX_BATCH_SIZE per sweep). */
export const SWEEP_MIN_INTERVAL_MS = 1000;

/** Stamp-to-stored bound assumed when database operations are unbounded (DATABASE_OPERATION_TIMEOUT_MS=0). */
export const UNBOUNDED_INSERT_VISIBLE_MS = 60_000;

/**
 * The longest a request can take from its `submittedAt` stamp to being stored and visible to a sweep:
 * its wait for an insert group and a write slot, then the insert with its busy retries, each bounded
 * by `databaseTimeoutMs` (counted twice: a group may wait for the write in flight before its own),
 * plus the clock difference gateways may have without correcting it (`clockToleranceMs`). The sweep
 * cursor stays this far behind now, so that a slow insert never lands behind it.
 */
export function insertVisibleWithinMs(
  databaseTimeoutMs: number,
  insertBatchWaitMs: number,
  clockToleranceMs: number,
): number {
  const write = twoDatabaseBoundsMs(databaseTimeoutMs, UNBOUNDED_INSERT_VISIBLE_MS);
  return write + insertBatchWaitMs + clockToleranceMs;
}

/** The shutdown's wait for the relay's run in progress when DATABASE_OPERATION_TIMEOUT_MS is 0 (unbounded). */
export const RELAY_SHUTDOWN_WAIT_DEFAULT_MS = 30_000;

/**
 * The shutdown's wait for the relay's run: two database bounds (the operation in flight, then the
 * next one of the run), or {@link RELAY_SHUTDOWN_WAIT_DEFAULT_MS} when operations are unbounded.
 */
export function relayShutdownWaitMs(databaseTimeoutMs: number): number {
  return twoDatabaseBoundsMs(databaseTimeoutMs, RELAY_SHUTDOWN_WAIT_DEFAULT_MS);
}
