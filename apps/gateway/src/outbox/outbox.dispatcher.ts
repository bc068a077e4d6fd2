import { Injectable, Logger } from '@nestjs/common';
import { PredictionPublisher } from '@sibyl/amqp';
import type { PredictionRequest } from '@sibyl/contracts';
import { RETRY_MEMORY_MAX } from './outbox.constants';
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

/**
 * Publishes stored requests with confirms, all in parallel. A request whose publish fails is
 * kept in memory (up to {@link RETRY_MEMORY_MAX}) with its attempt incremented, for the
 * {@link OutboxRelay} to retry once the broker is back — no database scan needed; beyond the
 * limit the relay sweeps the database instead. Nothing is written to the database here: the
 * request path costs one insert, and the relay's sweep finds whatever a crash left unpublished.
 * Never rejects.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly inFlight = new Set<Promise<DispatchResult>>();
  private readonly retries = new Map<string, PredictionRequest>();
  private publishing = 0;
  private failing = false;
  /** Set when failed requests could not all be kept in memory: only a database sweep finds them. */
  overflowed = false;

  constructor(
    private readonly publisher: PredictionPublisher,
    private readonly metrics: OutboxMetrics,
  ) {}

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
    let error: string | undefined;
    this.publishing += requests.length;
    const outcomes = await Promise.all(
      requests.map((request) => {
        const started = performance.now();
        return this.publisher.publishRequested(request).then(
          (): string => {
            this.metrics.confirmSeconds.observe((performance.now() - started) / 1000);
            return request.trackingId;
          },
          (reason: Error) => {
            error ??= reason.message;
            this.keepForRetry(request);
            return null;
          },
        );
      }),
    );
    this.publishing -= requests.length;
    const confirmedIds = outcomes.filter((outcome): outcome is string => outcome !== null);
    const failed = requests.length - confirmedIds.length;
    this.reportFailures(failed, error);
    return { confirmed: confirmedIds.length, failed, confirmedIds, error };
  }

  private keepForRetry(request: PredictionRequest): void {
    if (this.retries.size >= RETRY_MEMORY_MAX) {
      this.overflowed = true;
      return;
    }
    this.retries.set(request.trackingId, { ...request, attempt: request.attempt + 1 });
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
