/** Options of {@link MicroBatcher}. */
export interface MicroBatcherOptions {
  /** A batch is processed as soon as it holds this many items (1 = every item alone, pure realtime). */
  maxSize: number;
  /** ...or when its oldest item has waited this long. */
  maxWaitMs: number;
  /**
   * Batches handed to the processor at once (default 1: a closed batch waits for the previous one, which
   * keeps a single writer per process — concurrent writes to an SQLite-backed FerretDB only collide).
   */
  maxConcurrentBatches?: number;
}

/**
 * Processes one batch and returns one result per item, in order. It should settle each item on its own
 * (a result value describing success or failure); throwing fails every item of the batch.
 */
export type BatchProcessor<TItem, TResult> = (
  items: readonly TItem[],
) => Promise<readonly TResult[]>;

/** Why an item was not processed: the batcher was drained (shutdown) before the item's batch could start. */
export class MicroBatcherClosedError extends Error {
  override readonly name = 'MicroBatcherClosedError';
}

interface Pending<TItem, TResult> {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

interface ClosedBatch<TItem, TResult> {
  entries: Pending<TItem, TResult>[];
  settled: () => void;
}

/**
 * Collects items into batches of at most `maxSize`, closing a batch when it is full or when its first item has
 * waited `maxWaitMs`, and hands each batch to the processor, at most `maxConcurrentBatches` at a time, in order.
 * Each caller gets the promise of its own item's result.
 */
export class MicroBatcher<TItem, TResult> {
  private buffer: Pending<TItem, TResult>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: ClosedBatch<TItem, TResult>[] = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly processor: BatchProcessor<TItem, TResult>,
    private readonly options: MicroBatcherOptions,
  ) {
    if (!Number.isInteger(options.maxSize) || options.maxSize < 1) {
      throw new RangeError(`maxSize must be a positive integer, got ${options.maxSize}`);
    }
    if (!(options.maxWaitMs >= 0)) {
      throw new RangeError(`maxWaitMs must be >= 0, got ${options.maxWaitMs}`);
    }
    if (!(this.concurrency >= 1)) {
      throw new RangeError(
        `maxConcurrentBatches must be >= 1, got ${options.maxConcurrentBatches}`,
      );
    }
  }

  private get concurrency(): number {
    return this.options.maxConcurrentBatches ?? 1;
  }

  /** Items waiting for their batch to close. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Closed batches not yet settled (being processed or waiting for their turn). */
  get processing(): number {
    return this.inFlight.size;
  }

  /**
   * Adds an item to the open batch. Resolves with the item's result once its batch is processed; rejects if
   * the processor throws for that batch, or with {@link MicroBatcherClosedError} once the batcher is drained.
   */
  add(item: TItem): Promise<TResult> {
    if (this.closed) {
      return Promise.reject(new MicroBatcherClosedError('micro-batcher is drained'));
    }
    return new Promise<TResult>((resolve, reject) => {
      this.buffer.push({ item, resolve, reject });
      if (this.buffer.length >= this.options.maxSize) {
        this.flush();
      } else if (!this.timer) {
        this.timer = setTimeout(() => this.flush(), this.options.maxWaitMs);
      }
    });
  }

  /** Closes the open batch now (if it holds anything) and hands it to the processor. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.buffer.length > 0) {
      this.process(this.buffer.splice(0, this.options.maxSize));
    }
  }

  /**
   * Shutdown: refuses new items and lets the batch being processed finish. The open batch is processed at once
   * if a processing slot is free; every item that cannot start now is rejected with
   * {@link MicroBatcherClosedError} (its message can go back to the broker right away). Resolves when nothing is
   * in flight any more.
   */
  async drain(): Promise<void> {
    this.closed = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const released = this.waiting.splice(0);
    const open = this.buffer.splice(0);
    released.forEach((batch) => {
      this.release(batch.entries);
      batch.settled();
    });
    if (open.length > 0 && this.running < this.concurrency) {
      this.process(open);
    } else {
      this.release(open);
    }
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private release(entries: Pending<TItem, TResult>[]): void {
    const error = new MicroBatcherClosedError(
      'released unprocessed: the predictor is shutting down',
    );
    entries.forEach((entry) => entry.reject(error));
  }

  private process(entries: Pending<TItem, TResult>[]): void {
    const settled = new Promise<void>((resolve) =>
      this.waiting.push({ entries, settled: resolve }),
    );
    const tracked = settled.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    this.pump();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift() as ClosedBatch<TItem, TResult>;
      this.running++;
      void this.run(next.entries).finally(() => {
        this.running--;
        next.settled();
        this.pump();
      });
    }
  }

  private async run(batch: Pending<TItem, TResult>[]): Promise<void> {
    try {
      const results = await this.processor(batch.map((entry) => entry.item));
      if (results.length !== batch.length) {
        throw new Error(
          `batch processor returned ${results.length} results for ${batch.length} items`,
        );
      }
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    }
  }
}
