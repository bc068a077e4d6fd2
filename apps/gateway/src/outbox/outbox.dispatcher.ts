import { Inject, Injectable, Logger } from '@nestjs/common';
import { PredictionPublisher, PredictionRequest } from '@sibyl/amqp';
import { ConfirmedPublish, PredictionStore } from '../records/prediction.store';
import { WriteCoalescer } from '../records/write-coalescer';
import {
  MARK_BATCH_MAX,
  MARK_BATCH_WAIT_MS,
  MARK_DRAIN_MS,
  MARK_MAX_CONCURRENT,
  MARK_QUEUE_MAX,
  OUTBOX_DISPATCHER_OPTIONS,
  RETRY_MEMORY_MAX,
} from './outbox.constants';
import { OutboxMetrics } from './outbox.metrics';

/** Settings of the {@link OutboxDispatcher}. */
export interface OutboxDispatcherOptions {
  /** Record every broker confirm on its document (`publishedAt`; OUTBOX_RECORD_CONFIRMS). */
  recordConfirms: boolean;
}

/** What happened to one {@link OutboxDispatcher.dispatch} call. */
export interface DispatchResult {
  confirmed: number;
  failed: number;
  /** The first failure's reason, if any. */
  error?: string;
}

/** Per-call options of {@link OutboxDispatcher.dispatch}. */
export interface DispatchOptions {
  /** Who publishes: the submission itself, or the relay (retry of a failed publish, sweep of overdue requests). */
  source?: 'submission' | 'retry' | 'sweep';
  /** Record the confirms even if recording is off (relay sweeps always record theirs). */
  record?: boolean;
}

/**
 * Publishes stored requests with confirms, all in parallel. A request whose publish fails is
 * kept in memory (up to {@link RETRY_MEMORY_MAX}) with its attempt incremented, for the
 * {@link OutboxRelay} to retry once the broker is back — no database scan needed; beyond the
 * limit the relay sweeps the database instead. Confirms are recorded on the documents
 * (`publishedAt`, `publishAttempts`) in grouped writes when enabled: bookkeeping only, the relay
 * never depends on it. Never rejects.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly marks: WriteCoalescer<ConfirmedPublish>;
  private readonly inFlight = new Set<Promise<DispatchResult>>();
  private readonly retries = new Map<string, PredictionRequest>();
  private publishing = 0;
  private failing = false;
  /** Set when failed requests could not all be kept in memory: only a database sweep finds them. */
  overflowed = false;

  constructor(
    private readonly publisher: PredictionPublisher,
    store: PredictionStore,
    private readonly metrics: OutboxMetrics,
    @Inject(OUTBOX_DISPATCHER_OPTIONS) private readonly options: OutboxDispatcherOptions,
  ) {
    this.marks = new WriteCoalescer((confirms) => store.markPublished(confirms, new Date()), {
      maxItems: MARK_BATCH_MAX,
      maxWaitMs: MARK_BATCH_WAIT_MS,
      maxConcurrent: MARK_MAX_CONCURRENT,
    });
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
      taken.push(request);
    }
    return taken;
  }

  /** Publishes every request; resolves when all are confirmed or given up (and recorded). */
  dispatch(requests: readonly PredictionRequest[], options: DispatchOptions = {}): Promise<DispatchResult> {
    const source = options.source ?? 'submission';
    if (source !== 'submission') this.metrics.relayed.inc({ source }, requests.length);
    const done = this.publishAll(requests, options.record ?? this.options.recordConfirms);
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  /**
   * Waits for every dispatch in progress (bounded by the publish timeout), then for the
   * recording of confirms at most {@link MARK_DRAIN_MS}: records are bookkeeping, and a slow
   * database must not hold up a shutdown.
   */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), MARK_DRAIN_MS)));
    const outcome = await Promise.race([this.marks.drain(), deadline]).finally(() => clearTimeout(timer));
    if (outcome === 'late') {
      this.metrics.unrecordedConfirms.inc(this.marks.queued);
      this.logger.warn(`shutting down with ${this.marks.queued} confirm(s) not recorded`);
    }
  }

  private async publishAll(requests: readonly PredictionRequest[], record: boolean): Promise<DispatchResult> {
    let error: string | undefined;
    this.publishing += requests.length;
    const outcomes = await Promise.all(
      requests.map((request) => {
        const started = performance.now();
        return this.publisher.publishRequested(request).then(
          (): ConfirmedPublish => {
            this.metrics.confirmSeconds.observe((performance.now() - started) / 1000);
            return { trackingId: request.trackingId, attempt: request.attempt };
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
    const confirmed = outcomes.filter((outcome): outcome is ConfirmedPublish => outcome !== null);
    const failed = requests.length - confirmed.length;
    this.reportFailures(failed, error);
    if (confirmed.length > 0) await this.record(confirmed, record);
    return { confirmed: confirmed.length, failed, error };
  }

  private keepForRetry(request: PredictionRequest): void {
    if (this.retries.size >= RETRY_MEMORY_MAX) {
      this.overflowed = true;
      return;
    }
    this.retries.set(request.trackingId, { ...request, attempt: request.attempt + 1 });
  }

  /** Records confirms when asked and while the recording keeps up; otherwise only counts them. */
  private async record(confirmed: ConfirmedPublish[], record: boolean): Promise<void> {
    if (!record || this.marks.queued >= MARK_QUEUE_MAX) {
      this.metrics.unrecordedConfirms.inc(confirmed.length);
      return;
    }
    await this.marks.add(confirmed).catch((reason: Error) => {
      this.metrics.unrecordedConfirms.inc(confirmed.length);
      this.logger.warn(`cannot record ${confirmed.length} confirm(s): ${reason.message}`);
    });
  }

  /** Logs once when publishing starts failing and once when it recovers. */
  private reportFailures(failed: number, error: string | undefined): void {
    if (failed > 0 && !this.failing) {
      this.logger.warn(`${failed} publish(es) not confirmed (${error}); the outbox relay will retry`);
    } else if (failed === 0 && this.failing) {
      this.logger.log('publishes confirmed again');
    }
    this.failing = failed > 0;
  }
}
