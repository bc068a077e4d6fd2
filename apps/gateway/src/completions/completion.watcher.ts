import { Logger } from '@nestjs/common';
import type { PredictionResultRecord } from '@sibyl/persistence';
import type { CompletionWatcherOptions } from './completions.constants';

/** The results that exist for the given requests (looked up by `_id`). */
export type FinishedLookup = (ids: string[]) => Promise<PredictionResultRecord[]>;

/** What woke a waiter, or made the watcher read the database. */
export type WakeTrigger = 'event' | 'safety_check';

/** Counters the watcher reports to (metrics). */
export interface CompletionWatcherHooks {
  /** `count` ids were looked up in the database on `trigger`. */
  lookedUp(trigger: WakeTrigger, count: number): void;
  /** `count` waiters were answered with their result on `trigger`. */
  woke(trigger: WakeTrigger, count: number): void;
}

interface Waiter {
  resolve: (snapshot: PredictionResultRecord | null) => void;
  timer: NodeJS.Timeout;
}

interface Awaited {
  waiters: Set<Waiter>;
  /** When the safety re-check may look this id up next (epoch ms). */
  nextCheckAt: number;
}

const NO_HOOKS: CompletionWatcherHooks = { lookedUp: () => undefined, woke: () => undefined };

/**
 * Long polls woken by pushed completions, not by polling the database.
 *
 * Readers waiting on a request register here. {@link completed} is called with the ids of each
 * `prediction.completed` announcement: the waiters among them are answered after ONE lookup of
 * just those ids. Ids announced recently are remembered (bounded), so a reader that registers just
 * after its announcement (it read "no result" a moment before) is answered at once too.
 *
 * Announcements are best-effort, so a slow safety re-check remains: every `safetyRecheckMs`, the
 * ids that have waited that long since their last check are looked up, at most
 * `safetyRecheckMaxIds` per round (oldest first). {@link recheckAll} looks every awaited id up at
 * once — the owner calls it when the subscription is back after the broker was away.
 */
export class CompletionWatcher {
  private readonly logger = new Logger(CompletionWatcher.name);
  private readonly awaited = new Map<string, Awaited>();
  private readonly recent = new Set<string>();
  private waiterCount = 0;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly findFinished: FinishedLookup,
    private readonly options: CompletionWatcherOptions,
    private readonly hooks: CompletionWatcherHooks = NO_HOOKS,
  ) {}

  /** Readers currently waiting. */
  get size(): number {
    return this.waiterCount;
  }

  /** Resolves with the finished request, or null if it is still queued after `timeoutMs`. */
  wait(id: string, timeoutMs: number): Promise<PredictionResultRecord | null> {
    if (this.closed || timeoutMs <= 0) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => this.settle(id, waiter, null), timeoutMs),
      };
      let entry = this.awaited.get(id);
      if (!entry) {
        entry = { waiters: new Set(), nextCheckAt: Date.now() + this.options.safetyRecheckMs };
        this.awaited.set(id, entry);
      }
      entry.waiters.add(waiter);
      this.waiterCount++;
      this.timer ??= this.schedule();
      if (this.recent.has(id)) void this.lookUp([id], 'event');
    });
  }

  /** An announcement: wakes the waiters of `ids` (one lookup for all of them). */
  completed(ids: readonly string[]): void {
    if (this.closed) return;
    const awaited: string[] = [];
    for (const id of ids) {
      this.remember(id);
      if (this.awaited.has(id)) awaited.push(id);
    }
    if (awaited.length > 0) void this.lookUp(awaited, 'event');
  }

  /** Looks every awaited id up now (announcements may have been lost). */
  recheckAll(): void {
    if (this.closed || this.awaited.size === 0) return;
    void this.lookUp([...this.awaited.keys()], 'safety_check');
  }

  /** Releases every waiter (with null) and stops the safety re-check. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [id, entry] of this.awaited)
      for (const waiter of entry.waiters) this.settle(id, waiter, null);
  }

  private schedule(): NodeJS.Timeout {
    return setTimeout(() => this.safetyCheck(), this.options.safetyRecheckMs);
  }

  private safetyCheck(): void {
    this.timer = undefined;
    if (this.closed) return;
    const now = Date.now();
    const due: string[] = [];
    for (const [id, entry] of this.awaited) {
      if (due.length >= this.options.safetyRecheckMaxIds) break;
      if (entry.nextCheckAt > now) continue;
      entry.nextCheckAt = now + this.options.safetyRecheckMs;
      due.push(id);
    }
    if (due.length > 0) void this.lookUp(due, 'safety_check');
    if (this.awaited.size > 0) this.timer = this.schedule();
  }

  private async lookUp(ids: string[], trigger: WakeTrigger): Promise<void> {
    this.hooks.lookedUp(trigger, ids.length);
    let found: PredictionResultRecord[];
    try {
      found = await this.findFinished(ids);
    } catch (error) {
      this.logger.warn(
        `reading ${ids.length} awaited results (${trigger}) failed, the safety re-check retries: ${(error as Error).message}`,
      );
      return;
    }
    let woken = 0;
    for (const snapshot of found) {
      const entry = this.awaited.get(snapshot._id);
      if (!entry) continue;
      for (const waiter of entry.waiters) {
        this.settle(snapshot._id, waiter, snapshot);
        woken++;
      }
    }
    if (woken > 0) this.hooks.woke(trigger, woken);
  }

  /** Keeps the last `recentCompletions` announced ids (oldest forgotten first). */
  private remember(id: string): void {
    this.recent.delete(id);
    this.recent.add(id);
    if (this.recent.size > this.options.recentCompletions) {
      this.recent.delete(this.recent.values().next().value as string);
    }
  }

  private settle(id: string, waiter: Waiter, snapshot: PredictionResultRecord | null): void {
    const entry = this.awaited.get(id);
    if (!entry?.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    this.waiterCount--;
    if (entry.waiters.size === 0) this.awaited.delete(id);
    waiter.resolve(snapshot);
  }
}
