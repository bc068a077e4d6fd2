/** Driver errors meaning "no database server reachable right now" (the API answers 503). */
const UNAVAILABLE_ERRORS: ReadonlySet<string> = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  // The pool cleared because the server monitor timed out (a frozen database): "Connection to ...
  // interrupted due to server monitor timeout".
  'PoolClearedOnNetworkError',
  'MongoServerClosedError',
  'MongoWaitQueueTimeoutError',
]);

/** Messages of driver errors caused by the network (e.g. a bulk write error wrapping a reset socket). */
const NETWORK_FAILURE =
  /buffering timed out|before initial connection is complete|connection .* closed|interrupted due to server monitor timeout|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up/i;

/** FerretDB's SQLite backend refusing a write while another one holds the lock (transient). */
const BUSY = /SQLITE_BUSY|database is locked/i;

/** True when the database refused an operation only because it is momentarily busy (retry it). */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Error && BUSY.test(error.message);
}

/** Raised by the store when it refuses to even try (connection known to be down). */
export class DatabaseUnavailableError extends Error {
  override readonly name: string = 'DatabaseUnavailableError';
}

/** True when `error` (or its cause) says the database cannot be reached, as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let current = error, depth = 0;
    current instanceof Error && depth < 5;
    current = current.cause, depth++
  ) {
    if (
      current instanceof DatabaseUnavailableError ||
      UNAVAILABLE_ERRORS.has(current.name) ||
      BUSY.test(current.message)
    )
      return true;
    if (NETWORK_FAILURE.test(current.message)) return true;
  }
  return false;
}
