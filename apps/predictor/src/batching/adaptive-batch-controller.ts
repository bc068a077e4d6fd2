import type { BatchPolicy, BatchSizing } from './batch-policy';

/** Bounds and tuning of an {@link AdaptiveBatchController}. */
export interface AdaptiveBatchOptions {
  /** Largest batch (BATCH_MAX_SIZE). */
  maxSize: number;
  /** Longest wait of an open batch's first item (BATCH_MAX_WAIT_MS). */
  maxWaitMs: number;
  /** Time constant of the arrival-rate estimate, ms (how fast it follows a change of load). */
  rateWindowMs?: number;
  /** Weight of the newest write duration in the write-latency estimate (0 < w ≤ 1). */
  latencyWeight?: number;
  /** A write duration counts at most this many times the current estimate (one spike cannot dominate). */
  spikeFactor?: number;
}

/** Default time constant of the arrival-rate estimate. */
export const DEFAULT_RATE_WINDOW_MS = 250;
/** Default weight of the newest write duration. */
export const DEFAULT_LATENCY_WEIGHT = 0.25;
/** Default cap of one write duration, as a multiple of the current estimate. */
export const DEFAULT_SPIKE_FACTOR = 4;
/** Smallest write-latency estimate the spike cap is applied to (ms), so a fast start does not pin it. */
const SPIKE_FLOOR_MS = 1;

/**
 * Adaptive micro-batch sizing (BATCH_MODE=adaptive): small batches and no wait at low load, large batches
 * under load, within BATCH_MAX_SIZE / BATCH_MAX_WAIT_MS.
 *
 * It keeps two estimates: the arrival rate λ (an exponentially decayed count of arrivals, time constant
 * `rateWindowMs`, so it falls as soon as arrivals stop) and the write latency L of one batch (a weighted
 * average, each sample capped at `spikeFactor` × the estimate). While a batch is written, about λ·L items
 * arrive: that is the batch size that keeps the writer up with the load, so the open batch closes at
 * `size = ⌈λ·L⌉` items. When fewer than one item is expected per write (low load) the batch closes on the
 * next turn of the event loop (wait 0: latency first); otherwise its first item waits at most the time
 * the rest of the batch needs to arrive, `(size − backlog) / λ`, capped at `maxWaitMs`.
 *
 * The backlog acts directly too: items already waiting (the prefetch buffer) close the batch at once when
 * they reach `size`, and a batch takes up to `maxSize` of them, so a backlog is worked off in full batches.
 * Pure and clock-free (every call gets `now`), hence deterministic under fake timers.
 */
export class AdaptiveBatchController implements BatchPolicy {
  private readonly rateWindowMs: number;
  private readonly latencyWeight: number;
  private readonly spikeFactor: number;
  private decayedArrivals = 0;
  private lastArrivalAt: number | undefined;
  private writeMs: number | undefined;

  constructor(private readonly options: AdaptiveBatchOptions) {
    this.rateWindowMs = options.rateWindowMs ?? DEFAULT_RATE_WINDOW_MS;
    this.latencyWeight = options.latencyWeight ?? DEFAULT_LATENCY_WEIGHT;
    this.spikeFactor = options.spikeFactor ?? DEFAULT_SPIKE_FACTOR;
    if (!Number.isInteger(options.maxSize) || options.maxSize < 1) {
      throw new RangeError(`maxSize must be a positive integer, got ${options.maxSize}`);
    }
    if (!(options.maxWaitMs >= 0)) {
      throw new RangeError(`maxWaitMs must be >= 0, got ${options.maxWaitMs}`);
    }
    if (!(this.rateWindowMs > 0) || !(this.latencyWeight > 0 && this.latencyWeight <= 1)) {
      throw new RangeError('rateWindowMs must be > 0 and latencyWeight in (0, 1]');
    }
  }

  /** Counts one arrival at `now` (ms). */
  arrived(now: number): void {
    this.decayedArrivals = this.decayedAt(now) + 1;
    this.lastArrivalAt = now;
  }

  /** Folds the duration of one batch write into the write-latency estimate. */
  committed(_size: number, durationMs: number): void {
    if (!(durationMs >= 0)) return;
    if (this.writeMs === undefined) {
      this.writeMs = durationMs;
      return;
    }
    const capped = Math.min(durationMs, Math.max(this.writeMs, SPIKE_FLOOR_MS) * this.spikeFactor);
    this.writeMs += this.latencyWeight * (capped - this.writeMs);
  }

  /** Arrivals per millisecond, as estimated at `now`. */
  ratePerMs(now: number): number {
    return this.decayedAt(now) / this.rateWindowMs;
  }

  /** The write-latency estimate (ms; 0 before the first write). */
  get writeLatencyMs(): number {
    return this.writeMs ?? 0;
  }

  /** The sizing of the open batch at `now` with `backlog` items waiting (see the class comment). */
  sizing(backlog: number, now: number): BatchSizing {
    const { maxSize, maxWaitMs } = this.options;
    const rate = this.ratePerMs(now);
    const expected = rate * this.writeLatencyMs;
    if (expected < 1 || maxSize === 1) return { size: 1, waitMs: 0 };
    const size = Math.min(maxSize, Math.ceil(expected));
    const missing = Math.max(0, size - Math.max(backlog, 1));
    return { size, waitMs: Math.min(maxWaitMs, missing / rate) };
  }

  private decayedAt(now: number): number {
    if (this.lastArrivalAt === undefined) return 0;
    const elapsed = Math.max(0, now - this.lastArrivalAt);
    return this.decayedArrivals * Math.exp(-elapsed / this.rateWindowMs);
  }
}
