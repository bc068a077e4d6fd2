import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { deadline, type PredictionRequest } from '@sibyl/contracts';
import {
  OUTBOX_RELAY_OPTIONS,
  RELAY_SHUTDOWN_WAIT_DEFAULT_MS,
  SWEEP_MIN_INTERVAL_MS,
} from './outbox.constants';
import type { DispatchOptions, DispatchResult } from './outbox.dispatcher';
import { sweepOnce, SweepStore } from './outbox.sweeper';

/** Settings of the {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  /** Pause between two wake-ups (OUTBOX_INTERVAL_MS). */
  intervalMs: number;
  /** Sweep period, and age from which a still-queued request is overdue (OUTBOX_REPUBLISH_AFTER_MS). */
  republishAfterMs: number;
  /** Most requests published per wake-up and per sweep (OUTBOX_BATCH_SIZE). */
  batchSize: number;
  /** Publishes after which a request still without a result is stored as failed (OUTBOX_MAX_ATTEMPTS). */
  maxAttempts: number;
  /**
   * Age from which a request is overdue while the requests queue holds a ready backlog (or its depth is
   * unknown): OUTBOX_REPUBLISH_UNDER_BACKLOG_MS. Default: `republishAfterMs`.
   */
  republishUnderBacklogMs?: number;
  /**
   * How far the sweep cursor stays behind now: the longest a request takes from its `submittedAt`
   * stamp to being stored ({@link insertVisibleWithinMs}). Default 0.
   */
  cursorLagMs?: number;
  /** The one clock of the sweep (the database's, see `DatabaseClock`); default the local clock. */
  now?: () => Date;
  /**
   * How long the shutdown waits for the run in progress (a read the database does not answer can
   * hold it): past that it goes on, logging it. Default {@link RELAY_SHUTDOWN_WAIT_DEFAULT_MS}.
   */
  shutdownWaitMs?: number;
}

/** The {@link OutboxDispatcher} as the relay uses it. */
export interface OutboxSink {
  dispatch(
    requests: readonly PredictionRequest[],
    options?: DispatchOptions,
  ): Promise<DispatchResult>;
  takeRetries(limit: number): PredictionRequest[];
  readonly retryCount: number;
  readonly pending: number;
  /** True when failed requests overflowed the retry memory. */
  overflowed: boolean;
}

/** Counts the requests the relay gives up on. */
export interface GiveUpCounter {
  inc(count: number): void;
}

/** What the relay needs to know about the broker. */
export interface BrokerProbe {
  /** True while the broker connection is up. */
  readonly connected: boolean;
  /** Messages waiting in the requests queue. */
  readyCount(): Promise<number>;
}

/** The shared republish marker (see `requestRepublish` in `@sibyl/persistence`). */
export interface RepublishSignal {
  /** How many requests-queue losses were reported so far. */
  generation(): Promise<number>;
}

/** Injection tokens of the relay's collaborators (bound to the real services by the module). */
export const OUTBOX_SOURCE = Symbol('OUTBOX_SOURCE');
export const OUTBOX_SINK = Symbol('OUTBOX_SINK');
export const BROKER_PROBE = Symbol('BROKER_PROBE');
export const OUTBOX_GAVE_UP = Symbol('OUTBOX_GAVE_UP');
export const REPUBLISH_SIGNAL = Symbol('REPUBLISH_SIGNAL');

/** What one wake-up did. */
export interface RelayRun {
  retried: number;
  swept: number;
  /** Requests stored as failed after too many publishes. */
  gaveUp: number;
  confirmed: number;
  failed: number;
  /** Why the sweep was due, if it ran. */
  sweep?: string;
  /** Why a due sweep did not run. */
  skipped?: string;
  /** The age from which requests were overdue in this sweep, and why (backlog or not). */
  overdueAfter?: string;
}

/**
 * The outbox relay, woken every `intervalMs` while the broker is connected:
 *  1. It publishes again the requests whose publish failed (broker down, nack, no confirm in
 *     time), which the dispatcher keeps in memory — the common case, with no database query.
 *  2. It sweeps the database at start-up (requests a crashed gateway stored but never
 *     published), every `republishAfterMs`, and when the retry memory overflowed: requests
 *     without a result whose last publish is older than `republishAfterMs` are published again
 *     with `attempt` + 1, or stored as failed after `maxAttempts` publishes ({@link sweepOnce}).
 *     It sweeps whatever the queue's backlog — a publish lost under sustained load must be
 *     repaired too — but while the requests queue holds ready messages (which explain late
 *     results), only requests older than `republishUnderBacklogMs` are overdue, so that it does
 *     not flood the backlog with duplicates. Rate-limited: at most `batchSize` requests per sweep,
 *     sweeps at least {@link SWEEP_MIN_INTERVAL_MS} apart. Times come from one clock (`now`, the
 *     database's), as the stored `submittedAt` do. (A sweep scans the collections on FerretDB,
 *     hence its rarity.)
 * Consumers are idempotent, so a duplicate publish is harmless. Runs never overlap.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private lastSweepAt?: number;
  private sweepAgain = false;
  private oldestPending?: Date;
  /** Generation of the republish marker last seen (undefined before the first read). */
  private seenGeneration?: number;
  /** While set: a repair is under way, republishing every request without a result last published before it. */
  private repairBefore?: Date;

  constructor(
    @Inject(OUTBOX_SOURCE) private readonly source: SweepStore,
    @Inject(OUTBOX_SINK) private readonly sink: OutboxSink,
    @Inject(BROKER_PROBE) private readonly broker: BrokerProbe,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
    @Inject(OUTBOX_GAVE_UP) private readonly gaveUp: GiveUpCounter,
    @Optional() @Inject(REPUBLISH_SIGNAL) private readonly republish?: RepublishSignal,
  ) {}

  /** Starts the periodic wake-ups. */
  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule();
  }

  /**
   * Stops and waits for the run in progress, at most `shutdownWaitMs`: a run held by a database
   * that does not answer is left behind (logged), the connection's close then interrupts it, and
   * what it did not republish is left to the next sweep of any gateway.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const running = this.running;
    if (!running) return;
    const waitMs = this.options.shutdownWaitMs ?? RELAY_SHUTDOWN_WAIT_DEFAULT_MS;
    const settled = running.then(
      () => true,
      () => true,
    );
    const finished = await deadline(settled, waitMs, () => new Error('relay run unfinished')).catch(
      () => false,
    );
    if (!finished) {
      this.logger.error(
        `shutdown: the relay's run (retries, sweep) still unfinished after ${waitMs} ms, the database or ` +
          'the broker not answering; not waiting longer (the next sweep of any gateway republishes what it left)',
      );
    }
  }

  /** Requests stored but not confirmed, as known here: being published, or waiting for a retry. */
  backlog(): number {
    return this.sink.pending + this.sink.retryCount;
  }

  /**
   * Age, in seconds at `now`, of the oldest request the last sweep found without a result among those
   * older than its cutoff (0 when it found none): the `sibyl_oldest_unfinished_request_age_seconds` gauge.
   */
  oldestUnfinishedAgeSeconds(now = this.now()): number {
    return this.oldestPending
      ? Math.max(0, now.getTime() - this.oldestPending.getTime()) / 1000
      : 0;
  }

  /** Now, on the sweep's clock. */
  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Why a database sweep is due at `now`, or undefined. */
  sweepReason(now = this.now().getTime()): string | undefined {
    if (this.lastSweepAt === undefined) return 'start-up';
    if (now - this.lastSweepAt < SWEEP_MIN_INTERVAL_MS) return undefined;
    if (this.repairBefore) return 'requests queue lost';
    if (this.sink.overflowed) return 'retry memory overflowed';
    if (this.sweepAgain) return 'more overdue requests';
    if (now - this.lastSweepAt >= this.options.republishAfterMs) return 'periodic';
    return undefined;
  }

  /** One wake-up: retries failed publishes, then sweeps if due. Nothing while the broker is down. */
  async runOnce(now = this.now()): Promise<RelayRun> {
    const run: RelayRun = { retried: 0, swept: 0, gaveUp: 0, confirmed: 0, failed: 0 };
    if (!this.broker.connected) return { ...run, skipped: 'broker disconnected' };
    const retries = this.sink.takeRetries(this.options.batchSize);
    if (retries.length > 0) {
      const result = await this.sink.dispatch(retries, { source: 'retry' });
      this.count(run, result);
      run.retried = retries.length;
      if (result.failed > 0) return run; // the broker is still refusing: sweeping can wait
    }
    await this.readRepublishSignal(now);
    const reason = this.sweepReason(now.getTime());
    if (reason !== undefined) await this.sweep(now, reason, run);
    if (run.retried + run.swept > 0) {
      this.logger.log(
        `republished ${run.retried} failed and ${run.swept} overdue request(s): ${run.confirmed} confirmed` +
          (run.failed > 0 ? `, ${run.failed} failed` : ''),
      );
    }
    if (run.gaveUp > 0) {
      this.logger.warn(
        `gave up on ${run.gaveUp} request(s) published ${this.options.maxAttempts} times without a result`,
      );
    }
    return run;
  }

  /**
   * Reads the republish marker: a new generation (someone lost the requests queue) starts a repair
   * with the cutoff `now`. The first read only records the generation (the start-up sweep runs anyway).
   */
  private async readRepublishSignal(now: Date): Promise<void> {
    if (!this.republish) return;
    let generation: number;
    try {
      generation = await this.republish.generation();
    } catch (error) {
      this.logger.warn(`could not read the republish marker: ${(error as Error).message}`);
      return;
    }
    const seen = this.seenGeneration;
    this.seenGeneration = generation;
    if (seen === undefined || generation <= seen) return;
    this.repairBefore = now;
    this.logger.warn(
      `the requests queue was lost (republish marker ${seen} -> ${generation}): republishing every request ` +
        `without a result last published before ${now.toISOString()}`,
    );
  }

  private async sweep(now: Date, reason: string, run: RelayRun): Promise<void> {
    const ready = await this.broker.readyCount().catch(() => Number.NaN);
    const underBacklog = this.options.republishUnderBacklogMs ?? this.options.republishAfterMs;
    const overdueMs = ready === 0 ? this.options.republishAfterMs : underBacklog;
    run.overdueAfter =
      ready === 0
        ? `${overdueMs} ms`
        : `${overdueMs} ms (requests queue ${Number.isNaN(ready) ? 'depth unknown' : `holds ${ready} ready messages`})`;
    run.sweep = reason;
    this.lastSweepAt = now.getTime();
    this.sink.overflowed = false;
    const byAge = new Date(now.getTime() - overdueMs);
    const repair = this.repairBefore;
    const cutoff = repair && repair > byAge ? repair : byAge;
    if (repair) run.overdueAfter = `published before ${repair.toISOString()} (requests queue lost)`;
    const outcome = await sweepOnce(this.source, this.sink, cutoff, this.options, now);
    this.sweepAgain = outcome.more;
    // The repair ends once a sweep got through to its cutoff with every publish confirmed.
    if (repair && !outcome.more && outcome.failed === 0 && this.repairBefore === repair) {
      this.repairBefore = undefined;
    }
    this.oldestPending = outcome.oldestPending;
    run.swept = outcome.republished;
    run.gaveUp = outcome.gaveUp;
    this.count(run, outcome);
    this.gaveUp.inc(outcome.gaveUp);
  }

  private count(run: RelayRun, result: Pick<DispatchResult, 'confirmed' | 'failed'>): void {
    run.confirmed += result.confirmed;
    run.failed += result.failed;
  }

  /** Next wake-up after the interval — at once while there is more to do and the broker accepts it. */
  private schedule(delayMs = this.options.intervalMs): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().then(
        (run) =>
          this.schedule(
            run.failed > 0
              ? undefined
              : this.sink.retryCount > 0
                ? 0
                : this.sweepAgain
                  ? SWEEP_MIN_INTERVAL_MS
                  : undefined,
          ),
        (error: Error) => {
          this.logger.warn(`outbox relay run failed: ${error.message}`);
          this.schedule();
        },
      );
    }, delayMs);
  }
}
