import { FixedBatchPolicy, type BatchPolicy, type BatchSizing } from './batch-policy';

/** Options of {@link MicroBatcher}. */
export interface MicroBatcherOptions {
  /** Hard cap of a batch (1 = every item alone, pure realtime). */
  maxSize: number;
  /** Longest the first item of a batch waits (the fixed policy's wait; the adaptive one's cap). */
  maxWaitMs: number;
  /**
   * Batch writes (the commit stage) running at once (default 1: a single writer per process — concurrent
   * writes to an SQLite-backed FerretDB only collide on its lock).
   */
  maxInFlightCommits?: number;
  /**
   * Prepare (predict) the next batch while writes are in flight (default true). Off: a batch is prepared only
   * when a write slot is free, so predicting and writing alternate (the behaviour before issue 12).
   */
  pipeline?: boolean;
  /** When the open batch closes; default: at `maxSize` items or after `maxWaitMs` ({@link FixedBatchPolicy}). */
  policy?: BatchPolicy;
  /** Told of every closed batch: its size and how long its first item waited for it (ms). */
  onBatchClosed?: (size: number, waitedMs: number) => void;
}

/**
 * The two stages of a batch. `prepare` is synchronous CPU work (classification) and runs between two
 * commits' events, never interleaved with another prepare: it is the "between batches" point where shared
 * state (e.g. the model) may be swapped. `commit` is the I/O (the result write) and returns one result per
 * item, in order; it should settle each item on its own, throwing fails every item of the batch.
 */
export interface BatchStages<TItem, TPrepared, TResult> {
  prepare(items: readonly TItem[]): TPrepared;
  commit(prepared: TPrepared, items: readonly TItem[]): Promise<readonly TResult[]>;
}

/** A single-stage processor: the whole batch at once (prepare is the identity). */
export type BatchProcessor<TItem, TResult> = (
  items: readonly TItem[],
) => Promise<readonly TResult[]>;

/** Why an item was not processed: the batcher was drained (shutdown) before the item's batch could start. */
export class MicroBatcherClosedError extends Error {
  override readonly name = 'MicroBatcherClosedError';
}

interface Pending<TItem, TResult> {
  item: TItem;
  at: number;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

interface PreparedBatch<TItem, TPrepared, TResult> {
  entries: Pending<TItem, TResult>[];
  prepared: TPrepared;
  settled: () => void;
}

/**
 * Collects items into batches and runs them through two stages, prepare then commit, pipelined: a full
 * next batch is prepared while up to `maxInFlightCommits` batches are being committed, and at most one
 * prepared batch waits for a commit slot (so a backlog waits in the open batch, where it grows the next
 * batch up to `maxSize`). The open batch closes when it reaches the policy's size or its first item has waited the
 * policy's wait, and only when the pipeline has room. Each caller gets the promise of its own item's
 * result, settled after its batch's commit: nothing is reported done before it is written.
 */
export class MicroBatcher<TItem, TResult, TPrepared = readonly TItem[]> {
  private buffer: Pending<TItem, TResult>[] = [];
  private timer: { cancel: () => void; at: number } | undefined;
  private readonly ready: PreparedBatch<TItem, TPrepared, TResult>[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stages: BatchStages<TItem, TPrepared, TResult>;
  private readonly policy: BatchPolicy;
  private committing = 0;
  private closed = false;

  constructor(
    stages: BatchStages<TItem, TPrepared, TResult> | BatchProcessor<TItem, TResult>,
    private readonly options: MicroBatcherOptions,
  ) {
    this.stages =
      typeof stages === 'function'
        ? ({
            prepare: (items) => items,
            commit: (_prepared, items) => stages(items),
          } as BatchStages<TItem, TPrepared, TResult>)
        : stages;
    if (!Number.isInteger(options.maxSize) || options.maxSize < 1) {
      throw new RangeError(`maxSize must be a positive integer, got ${options.maxSize}`);
    }
    if (!(options.maxWaitMs >= 0)) {
      throw new RangeError(`maxWaitMs must be >= 0, got ${options.maxWaitMs}`);
    }
    if (!Number.isInteger(this.commitSlots) || this.commitSlots < 1) {
      throw new RangeError(
        `maxInFlightCommits must be a positive integer, got ${options.maxInFlightCommits}`,
      );
    }
    this.policy = options.policy ?? new FixedBatchPolicy(options.maxSize, options.maxWaitMs);
  }

  private get commitSlots(): number {
    return this.options.maxInFlightCommits ?? 1;
  }

  /** Items waiting for their batch to close (the backlog taken from the broker). */
  get pending(): number {
    return this.buffer.length;
  }

  /** Closed batches not yet settled (prepared and waiting for a commit slot, or being committed). */
  get processing(): number {
    return this.inFlight.size;
  }

  /** Batches being committed (written) right now. */
  get commitsInFlight(): number {
    return this.committing;
  }

  /** The policy's current sizing of the open batch. */
  sizing(now = Date.now()): BatchSizing {
    return this.policy.sizing(this.buffer.length, now);
  }

  /**
   * Adds an item to the open batch. Resolves with the item's result once its batch is committed; rejects if
   * a stage throws for that batch, or with {@link MicroBatcherClosedError} once the batcher is drained.
   */
  add(item: TItem): Promise<TResult> {
    if (this.closed) {
      return Promise.reject(new MicroBatcherClosedError('micro-batcher is drained'));
    }
    return new Promise<TResult>((resolve, reject) => {
      const at = Date.now();
      this.policy.arrived(at);
      this.buffer.push({ item, at, resolve, reject });
      this.schedule(true);
    });
  }

  /** Closes the open batch now, whatever its size, if the pipeline has room (else it closes when room frees). */
  flush(): void {
    this.cancelTimer();
    while (this.buffer.length > 0 && this.hasRoom()) this.close();
  }

  /**
   * Shutdown: refuses new items; the batches already in the pipeline (being written, or prepared and waiting
   * for the writer) are written. The open batch is written too if the pipeline has room; every item that
   * cannot start now is rejected with {@link MicroBatcherClosedError} (its message can go back to the broker
   * right away). Resolves when nothing is in flight any more.
   */
  async drain(): Promise<void> {
    this.closed = true;
    this.flush();
    this.release(this.buffer.splice(0));
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  /** True when a batch may be closed and prepared now. */
  private hasRoom(): boolean {
    if (this.ready.length > 0) return false;
    return this.options.pipeline !== false || this.committing < this.commitSlots;
  }

  /**
   * Closes the open batch when it is full or its first item has waited long enough (and the pipeline has
   * room), else sets the timer. A due batch found on arrival closes on the next turn of the event loop, so
   * that items delivered together share it. While every write slot is busy only a full batch closes (and is
   * classified during the write); a partial one closes when a write ends.
   */
  private schedule(onArrival: boolean): void {
    while (this.buffer.length > 0 && this.hasRoom()) {
      if (this.committing >= this.commitSlots) {
        // The writer is busy: only a full batch is classified ahead; anything smaller keeps growing until
        // the write ends (a batch closed early would be written later and smaller).
        if (this.buffer.length < this.options.maxSize) break;
        this.close();
        continue;
      }
      const now = Date.now();
      const { size, waitMs } = this.policy.sizing(this.buffer.length, now);
      const due = this.buffer[0].at + waitMs;
      if (this.buffer.length < Math.min(size, this.options.maxSize) && (due > now || onArrival)) {
        this.setTimer(due, now);
        return;
      }
      this.close();
    }
    if (this.buffer.length === 0 || !this.hasRoom() || this.committing >= this.commitSlots) {
      this.cancelTimer();
    }
  }

  private setTimer(due: number, now: number): void {
    if (this.timer && this.timer.at <= due) return;
    this.cancelTimer();
    const fire = (): void => {
      this.timer = undefined;
      this.schedule(false);
    };
    if (due > now) {
      const handle = setTimeout(fire, due - now);
      this.timer = { at: due, cancel: () => clearTimeout(handle) };
    } else {
      const handle = setImmediate(fire);
      this.timer = { at: now, cancel: () => clearImmediate(handle) };
    }
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private close(): void {
    const entries = this.buffer.splice(0, this.options.maxSize);
    this.options.onBatchClosed?.(entries.length, Date.now() - entries[0].at);
    let prepared: TPrepared;
    try {
      prepared = this.stages.prepare(entries.map((entry) => entry.item));
    } catch (error) {
      entries.forEach((entry) => entry.reject(error));
      return;
    }
    const settled = new Promise<void>((resolve) =>
      this.ready.push({ entries, prepared, settled: resolve }),
    );
    const tracked = settled.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    this.pump();
  }

  private pump(): void {
    while (this.committing < this.commitSlots && this.ready.length > 0) {
      const batch = this.ready.shift() as PreparedBatch<TItem, TPrepared, TResult>;
      this.committing++;
      const started = Date.now();
      void this.commit(batch).finally(() => {
        this.committing--;
        this.policy.committed(batch.entries.length, Date.now() - started);
        batch.settled();
        this.pump();
        this.schedule(false);
      });
    }
  }

  private async commit(batch: PreparedBatch<TItem, TPrepared, TResult>): Promise<void> {
    const { entries } = batch;
    try {
      const items = entries.map((entry) => entry.item);
      const results = await this.stages.commit(batch.prepared, items);
      if (results.length !== entries.length) {
        throw new Error(
          `batch commit returned ${results.length} results for ${entries.length} items`,
        );
      }
      entries.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      entries.forEach((entry) => entry.reject(error));
    }
  }

  private release(entries: Pending<TItem, TResult>[]): void {
    const error = new MicroBatcherClosedError(
      'released unprocessed: the predictor is shutting down',
    );
    entries.forEach((entry) => entry.reject(error));
  }
}
