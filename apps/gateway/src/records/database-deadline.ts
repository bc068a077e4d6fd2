import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { StoreDeadline } from '@sibyl/auth';
import { METRICS_OPTIONS, METRICS_REGISTRY, ResolvedMetricsOptions } from '@sibyl/observability';
import { DatabaseTimeoutError, withDeadline } from '@sibyl/persistence';
import { Counter, Registry } from 'prom-client';
import { DATABASE_OPERATION_TIMEOUT } from './records.constants';

/** What a bounded operation does (label `operation` of `sibyl_database_timeouts_total`). */
/**
 * Two database bounds (an operation in flight, then the one queued behind it), or `unboundedMs` when database
 * operations are unbounded (DATABASE_OPERATION_TIMEOUT_MS ≤ 0): how long the gateway waits for work that holds
 * database operations in turn.
 */
export function twoDatabaseBoundsMs(timeoutMs: number, unboundedMs: number): number {
  return timeoutMs > 0 ? 2 * timeoutMs : unboundedMs;
}

export type BoundedOperation = 'insert' | 'read' | 'feedback' | 'api_key';

/**
 * The bound of every database operation on the request path (DATABASE_OPERATION_TIMEOUT_MS): an
 * operation without an answer in time fails with a {@link DatabaseTimeoutError} — the API answers
 * 503 with `Retry-After` — and is logged and counted in `sibyl_database_timeouts_total{operation}`,
 * so a hung socket or a stalled database can hang neither a request nor the shutdown's drain.
 */
@Injectable()
export class DatabaseDeadline {
  private readonly logger = new Logger('Database');
  private readonly timeouts: Counter<'operation'>;

  constructor(
    @Inject(DATABASE_OPERATION_TIMEOUT) readonly timeoutMs: number,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
  ) {
    this.timeouts = new Counter({
      name: `${options.prefix}database_timeouts_total`,
      help: 'Database operations of the request path given up after DATABASE_OPERATION_TIMEOUT_MS without an answer, by operation',
      labelNames: ['operation'],
      registers: [registry],
    });
  }

  /** Settles like `work`, or fails (counted, logged) once the bound passed; `what` goes to the log. */
  async run<T>(operation: BoundedOperation, what: string, work: Promise<T>): Promise<T> {
    try {
      return await withDeadline(work, this.timeoutMs, what);
    } catch (error) {
      if (error instanceof DatabaseTimeoutError) {
        this.timeouts.inc({ operation });
        this.logger.warn(`${error.message} (DATABASE_OPERATION_TIMEOUT_MS); answered 503`);
      }
      throw error;
    }
  }

  /**
   * The bound of the API-key lookups of a key that is not cached ({@link AuthModule}'s `deadline`):
   * counted as `api_key`; a timeout is answered 503 saying that the key could not be verified.
   */
  readonly forApiKeys: StoreDeadline = (what, work) =>
    this.run('api_key', what, work).catch((error: unknown) => {
      if (!(error instanceof DatabaseTimeoutError)) throw error;
      throw new ServiceUnavailableException(
        `cannot verify the API key now: database did not answer within ${error.timeoutMs} ms ` +
          '(DATABASE_OPERATION_TIMEOUT_MS) — retry later',
      );
    });
}
