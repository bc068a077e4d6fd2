/** Injection token of the bound of a result write (DATABASE_OPERATION_TIMEOUT_MS, ms; 0 = unbounded). */
export const RESULT_WRITE_TIMEOUT = Symbol('RESULT_WRITE_TIMEOUT');
