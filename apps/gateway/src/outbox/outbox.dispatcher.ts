import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { PredictionPublisher } from '@sibyl/amqp';
import type { PredictionRequest } from '@sibyl/contracts';
import { OUTBOX_DISPATCH_OPTIONS, REQUEST_OVERHEAD_BYTES } from './outbox.constants';
import { OutboxMetrics } from './outbox.metrics';

/** What happened to one {@link OutboxDispatcher.dispatch} call. */
export interface DispatchResult {
  confirmed: number;
  failed: number;
  /** Tracking ids of the requests whose publish was confirmed. */
  confirmedIds: string[];
  /** The first failure's reason, if any. */
  error?: string;
}

/** Per-call options of {@link OutboxDispatcher.dispatch}. */
export interface DispatchOptions {
  /** Who publishes: the submission itself, or the relay (retry of a failed publish, sweep of overdue requests). */
  source?: 'submission' | 'retry' | 'sweep';
}

/** Settings of the {@link OutboxDispatcher}. */
export interface OutboxDispatchOptions {
  /**
   * Bound of the backlog (requests being published or kept for a retry), in bytes
   * (OUTBOX_BACKLOG_MAX_BYTES): the retry memory never grows beyond it, and at it the gateway
   * refuses submissions (503) and is not ready.
   */
  backlogMaxBytes: number;
}

/** Bytes a request holds in memory: its text (UTF-8) and a fixed overhead. */
export function requestBytes(request: PredictionRequest): number {
  return Buffer.byteLength(request.text, 'utf8') + REQUEST_OVERHEAD_BYTES;
}

/**
 * Publishes stored requests with confirms, each call's requests as one group with one confirm
 * wait ({@link PredictionPublisher.publishMany}); the submissions of one insert group are
 * dispatched together. A request whose publish fails is
 * kept in memory with its attempt incremented, for the {@link OutboxRelay} to retry once the
 * broker is back — no database scan needed. The memory is bounded in bytes: beyond
 * `backlogMaxBytes` the relay sweeps the database instead, and while the backlog is at the
 * bound, {@link assertAccepting} refuses new submissions (a broker outage or alarm cannot run
 * the gateway out of memory). Nothing is written to the database here: the request path costs
 * one insert, and the relay's sweep finds whatever a crash left unpublished. Never rejects.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly inFlight = new Set<Promise<DispatchResult>>();
  private readonly retries = new Map<string, PredictionRequest>();
  private publishing = 0;
  private publishingBytes = 0;
  private retryBytes = 0;
  private failing = false;
  /** Set when failed requests could not all be kept in memory: only a database sweep finds them. */
  overflowed = false;

  constructor(
    private readonly publisher: PredictionPublisher,
    private readonly metrics: OutboxMetrics,
    @Inject(OUTBOX_DISPATCH_OPTIONS) private readonly options: OutboxDispatchOptions,
  ) {}

  /** Bytes of the requests stored but not confirmed, as known here (being published or kept for a retry). */
  get backlogBytes(): number {
    return this.publishingBytes + this.retryBytes;
  }

  /** The bound of {@link backlogBytes}. */
  get backlogMaxBytes(): number {
    return this.options.backlogMaxBytes;
  }

  /**
   * True while the backlog is below its bound and nothing overflowed the retry memory since the
   * last sweep (submissions accepted).
   */
  get accepting(): boolean {
    return !this.overflowed && this.backlogBytes < this.options.backlogMaxBytes;
  }

  /** Throws 503 (with `Retry-After`) while the backlog is at its bound; nothing is stored then. */
  assertAccepting(): void {
    if (this.accepting) return;
    throw new ServiceUnavailableException(
      `publishing backlog full (${this.backlogBytes} bytes not yet confirmed by the broker, ` +
        `OUTBOX_BACKLOG_MAX_BYTES ${this.options.backlogMaxBytes}); nothing was stored — retry later`,
    );
  }

  /** Requests being published right now. */
  get pending(): number {
    return this.publishing;
  }

  /** Failed requests waiting in memory for a retry. */
  get retryCount(): number {
    return this.retries.size;
  }

  /** Removes and returns up to `limit` failed requests for the relay to publish again. */
  takeRetries(limit: number): PredictionRequest[] {
    const taken: PredictionRequest[] = [];
    for (const [id, request] of this.retries) {
      if (taken.length >= limit) break;
      this.retries.delete(id);
      this.retryBytes -= requestBytes(request);
      taken.push(request);
    }
    return taken;
  }

  /** Publishes every request; resolves when all are confirmed or given up. */
  dispatch(
    requests: readonly PredictionRequest[],
    options: DispatchOptions = {},
  ): Promise<DispatchResult> {
    const source = options.source ?? 'submission';
    if (source !== 'submission') this.metrics.relayed.inc({ source }, requests.length);
    const done = this.publishAll(requests);
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  /** Waits for every dispatch in progress (each bounded by the publish timeout). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async publishAll(requests: readonly PredictionRequest[]): Promise<DispatchResult> {
    const bytes = requests.reduce((sum, request) => sum + requestBytes(request), 0);
    this.publishing += requests.length;
    this.publishingBytes += bytes;
    const started = performance.now();
    const outcomes = await this.publisher.publishMany(requests);
    const seconds = (performance.now() - started) / 1000;
    this.publishing -= requests.length;
    this.publishingBytes -= bytes;
    let error: string | undefined;
    const confirmedIds: string[] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.confirmed) {
        this.metrics.confirmSeconds.observe(seconds);
        confirmedIds.push(outcome.trackingId);
      } else {
        error ??= outcome.error;
        this.keepForRetry(requests[i]);
      }
    });
    const failed = requests.length - confirmedIds.length;
    this.reportFailures(failed, error);
    return { confirmed: confirmedIds.length, failed, confirmedIds, error };
  }

  private keepForRetry(request: PredictionRequest): void {
    const size = requestBytes(request);
    const previous = this.retries.get(request.trackingId);
    if (previous) this.retryBytes -= requestBytes(previous);
    if (this.retryBytes + size > this.options.backlogMaxBytes) {
      if (previous) this.retries.delete(request.trackingId);
      this.overflowed = true;
      return;
    }
    this.retries.set(request.trackingId, { ...request, attempt: request.attempt + 1 });
    this.retryBytes += size;
  }

  /** Logs once when publishing starts failing and once when it recovers. */
  private reportFailures(failed: number, error: string | undefined): void {
    if (failed > 0 && !this.failing) {
      this.logger.warn(
        `${failed} publish(es) not confirmed (${error}); the outbox relay will retry`,
      );
    } else if (failed === 0 && this.failing) {
      this.logger.log('publishes confirmed again');
    }
    this.failing = failed > 0;
  }
}
