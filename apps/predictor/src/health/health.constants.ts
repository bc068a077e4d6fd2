/** A database that does not answer the readiness ping within this makes the predictor not ready. */
export const DATABASE_PING_TIMEOUT_MS = 1500;
