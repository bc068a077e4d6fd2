/** Least time between two log lines about failed completion announcements. */
export const ANNOUNCE_FAILURE_LOG_INTERVAL_MS = 10_000;
