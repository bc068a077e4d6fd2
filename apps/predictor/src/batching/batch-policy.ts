/** When an open micro-batch closes: at `size` items, or when its first item has waited `waitMs`. */
export interface BatchSizing {
  /** Items at which the open batch closes at once (1 ≤ size ≤ BATCH_MAX_SIZE). */
  size: number;
  /** Longest the first item of the open batch waits for more (0 = the next turn of the event loop). */
  waitMs: number;
}

/**
 * Decides the sizing of the open batch from what the {@link MicroBatcher} reports: arrivals, the backlog
 * (items taken from the broker and waiting for a batch) and how long each batch's write took.
 */
export interface BatchPolicy {
  /** An item arrived at `now` (ms). */
  arrived(now: number): void;
  /** A batch of `size` items was written in `durationMs`. */
  committed(size: number, durationMs: number): void;
  /** The sizing of the open batch now, with `backlog` items waiting. */
  sizing(backlog: number, now: number): BatchSizing;
}

/** The pre-adaptive behaviour (BATCH_MODE=fixed): always close at `maxSize` items or after `maxWaitMs`. */
export class FixedBatchPolicy implements BatchPolicy {
  private readonly fixed: BatchSizing;

  constructor(maxSize: number, maxWaitMs: number) {
    this.fixed = { size: maxSize, waitMs: maxWaitMs };
  }

  /** Ignored: the sizing never changes. */
  arrived(): void {
    return;
  }

  /** Ignored: the sizing never changes. */
  committed(): void {
    return;
  }

  /** Always `maxSize` / `maxWaitMs`. */
  sizing(): BatchSizing {
    return this.fixed;
  }
}
