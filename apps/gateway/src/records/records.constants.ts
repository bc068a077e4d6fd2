/** How often the driver checks the database server, hence how fast it notices it is back. */
export const DATABASE_HEARTBEAT_MS = 2000;

/** `_id` lookups in flight at once when many ids are read (long polls, outbox sweeps). */
export const LOOKUP_CONCURRENCY = 32;

/** Injection token of DATABASE_OPERATION_TIMEOUT_MS (a number of milliseconds, 0 = unbounded). */
export const DATABASE_OPERATION_TIMEOUT = Symbol('DATABASE_OPERATION_TIMEOUT');
