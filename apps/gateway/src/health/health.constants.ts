/** A database slower than this to answer a ping makes the gateway not ready. */
export const DATABASE_PING_TIMEOUT_MS = 1500;
