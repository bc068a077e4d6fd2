import { GroupSizeController } from './group-size.controller';

/** Options of {@link WriteCoalescer}. */
export interface WriteCoalescerOptions {
  /** Most items in one write (a single add larger than this is written alone, whole). */
  maxItems: number;
  /** Longest a queued item waits for its group to fill while a write slot is free. */
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
 * Group commit: items added by concurrent callers are written with ONE bulk operation
 * (`insertMany`), and each caller's promise settles with that write. Adaptive: the group size it
 * waits for ({@link GroupSizeController}) is what arrives during one write — 1 at low load, so a
 * lone submission is written at the end of its event-loop turn; under load each round trip carries what arrived during the
 * previous one. Bounds: at most `maxItems` per write, `maxConcurrent`
 * writes in flight, and no item waits longer than `maxWaitMs` for a free slot's group to fill.
 */
export class WriteCoalescer<T> {
  private waiting: Waiter<T>[] = [];
  private waitingItems = 0;
  private timer?: NodeJS.Timeout;
  private immediate?: NodeJS.Immediate;
  private writingItems = 0;
  private readonly running = new Set<Promise<void>>();
  private readonly groups: GroupSizeController;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: WriteCoalescerOptions,
  ) {
    this.groups = new GroupSizeController(1, options.maxItems);
  }

  /** Items queued for the next write. */
  get queued(): number {
    return this.waitingItems;
  }

  /** The group size the coalescer currently waits for. */
  get groupTarget(): number {
    return this.groups.target;
  }

  /** Queues items; resolves once the bulk write holding them succeeded, rejects if it failed. */
  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      this.waitingItems += items.length;
      this.groups.arrive(items.length);
      this.schedule();
    });
  }

  /** Writes what is queued now, as many groups as free write slots allow (also the timer's job). */
  flush(): void {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    while (this.waiting.length > 0 && this.running.size < this.options.maxConcurrent) {
      this.start(this.takeGroup());
    }
  }

  /**
   * Flushes and waits until nothing is queued or being written, for at most `timeoutMs`; resolves
   * false if writes were still unsettled then (the caller says so loudly: a shutdown never hangs
   * on a write that does not return).
   */
  async drain(timeoutMs = Infinity): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<false>((resolve) => {
      if (Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      while (this.waiting.length > 0 || this.running.size > 0) {
        this.flush();
        const settled = Promise.allSettled([...this.running]).then(() => true as const);
        if (!(await Promise.race([settled, expired]))) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Items queued or being written (what an expired {@link drain} leaves behind). */
  get unsettled(): number {
    return this.waitingItems + this.writingItems;
  }

  /**
   * Writes now if the group is full; at group size 1, at the end of this event-loop turn (the
   * requests read from the sockets in one turn share a write); else within `maxWaitMs`.
   */
  private schedule(): void {
    if (this.waiting.length === 0) return;
    const target = this.groups.target;
    if (target > 1 && this.waitingItems >= target) this.flush();
    else if (target <= 1) this.immediate ??= setImmediate(() => this.flush());
    else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
  }

  /** The oldest waiters whose items fit in `maxItems` (at least one). */
  private takeGroup(): Waiter<T>[] {
    let count = 0;
    let taken = 0;
    while (
      taken < this.waiting.length &&
      (taken === 0 || count + this.waiting[taken].items.length <= this.options.maxItems)
    ) {
      count += this.waiting[taken].items.length;
      taken++;
    }
    const group = this.waiting.slice(0, taken);
    this.waiting = this.waiting.slice(taken);
    this.waitingItems -= count;
    return group;
  }

  private start(group: Waiter<T>[]): void {
    const count = group.reduce((sum, waiter) => sum + waiter.items.length, 0);
    this.writingItems += count;
    const done = this.run(group).finally(() => {
      this.writingItems -= count;
      this.running.delete(done);
      this.schedule();
    });
    this.running.add(done);
  }

  private async run(group: Waiter<T>[]): Promise<void> {
    const items = group.flatMap((waiter) => waiter.items);
    const started = performance.now();
    try {
      await this.write(items);
      for (const waiter of group) waiter.resolve();
    } catch (error) {
      for (const waiter of group) waiter.reject(error);
    } finally {
      this.groups.observe(performance.now() - started);
    }
  }
}
