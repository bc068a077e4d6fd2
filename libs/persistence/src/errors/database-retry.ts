import { isDatabaseBusy } from './database-unavailable';

/** Pauses before the 1st, 2nd, ... retry of a write refused because the database was busy. */
export const BUSY_RETRY_DELAYS_MS = [10, 40, 120, 300];

/**
 * Runs `operation`, retrying it (with growing pauses) while the database answers that it is
 * busy — FerretDB's SQLite backend fails concurrent writes with SQLITE_BUSY instead of
 * waiting. Other errors, and the last busy error, are thrown.
 */
export async function retryWhileBusy<T>(
  operation: () => Promise<T>,
  delaysMs: readonly number[] = BUSY_RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isDatabaseBusy(error) || attempt >= delaysMs.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}
