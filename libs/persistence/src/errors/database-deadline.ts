import { deadline } from '@sibyl/contracts';
import { DatabaseUnavailableError } from './database-unavailable';

/**
 * Raised when a database operation got no answer within its bound (a hung socket, a stalled
 * server). It is a {@link DatabaseUnavailableError}: the API answers 503, the predictor holds its
 * batch and retries. The operation itself may still complete later; every write it guards is
 * idempotent by `_id`, so a retry stores nothing twice.
 */
export class DatabaseTimeoutError extends DatabaseUnavailableError {
  override readonly name: string = 'DatabaseTimeoutError';

  constructor(
    /** What was bounded, e.g. `insert of 3 predictions`. */
    readonly operation: string,
    /** The bound, in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(`${operation}: no answer from the database within ${timeoutMs} ms`);
  }
}

/**
 * Settles like `operation`, or rejects with a {@link DatabaseTimeoutError} once `timeoutMs` passed
 * without an answer (the timer is cleared either way; a late failure of the abandoned operation is
 * swallowed, not reported as unhandled). `timeoutMs` ≤ 0 or not finite means unbounded. The
 * workspace's one {@link deadline} with the database's error.
 */
export function withDeadline<T>(
  operation: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return deadline(operation, timeoutMs, () => new DatabaseTimeoutError(what, timeoutMs));
}
