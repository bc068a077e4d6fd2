/** Options of {@link WriteCoalescer}. */
export interface WriteCoalescerOptions {
  /** Flush as soon as this many items are waiting. */
  maxItems: number;
  /** Flush whatever waits after this many milliseconds (0 = next event-loop turn). */
  maxWaitMs: number;
  /** Writes allowed in flight at once; meanwhile items accumulate into the next, larger write. */
  maxConcurrent: number;
}

interface Waiter<T> {
  items: readonly T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items added by concurrent callers within a few milliseconds are written with
 * ONE bulk operation (`insertMany`, `updateMany`), and each caller's promise settles with
 * that write. Under load, while `maxConcurrent` writes are in flight, new items pile up into
 * the next write, so batches grow with the load instead of the number of round trips.
 */
export class WriteCoalescer<T> {
  private waiting: Waiter<T>[] = [];
  private waitingItems = 0;
  private timer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: WriteCoalescerOptions,
  ) {}

  /** Items queued for the next write. */
  get queued(): number {
    return this.waitingItems;
  }

  /** Queues items; resolves once the bulk write holding them succeeded, rejects if it failed. */
  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      this.waitingItems += items.length;
      if (this.waitingItems >= this.options.maxItems) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  /** Writes everything queued now (if a write slot is free) — also called by the timer. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.waiting.length === 0 || this.inFlight.size >= this.options.maxConcurrent) return;
    const batch = this.waiting;
    this.waiting = [];
    this.waitingItems = 0;
    const done = this.run(batch);
    this.inFlight.add(done);
    void done.finally(() => {
      this.inFlight.delete(done);
      if (this.waiting.length > 0) this.flush();
    });
  }

  /** Flushes and waits until nothing is queued or being written. */
  async drain(): Promise<void> {
    while (this.waiting.length > 0 || this.inFlight.size > 0) {
      this.flush();
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private async run(batch: Waiter<T>[]): Promise<void> {
    try {
      await this.write(batch.flatMap((waiter) => waiter.items));
      for (const waiter of batch) waiter.resolve();
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  }
}
