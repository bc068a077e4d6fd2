/** A database slower than this to accept the readiness probe's write makes the gateway not ready. */
export const DATABASE_PING_TIMEOUT_MS = 1500;

/** How long the outcome of the readiness probe's write is reused. */
export const WRITE_PROBE_CACHE_MS = 1000;

/** Collection of the readiness probes' writes (one document per gateway process). */
export const HEALTH_PROBE_COLLECTION = 'health_probes';
