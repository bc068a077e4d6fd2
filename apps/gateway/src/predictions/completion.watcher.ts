import { Logger } from '@nestjs/common';
import type { PredictionResultRecord } from '@sibyl/persistence';
import { WAIT_POLL_CHUNK, WAIT_POLL_INTERVAL_MS } from './predictions.constants';

/** The results that exist for the given requests. */
export type FinishedLookup = (ids: string[]) => Promise<PredictionResultRecord[]>;

interface Waiter {
  resolve: (snapshot: PredictionResultRecord | null) => void;
  timer: NodeJS.Timeout;
}

/**
 * Long-polling without change streams: every reader waiting on a request registers here, and
 * ONE loop asks the database every {@link WAIT_POLL_INTERVAL_MS} which of all awaited requests
 * have a result — one `_id` lookup per awaited request per poll, however many readers wait on it.
 */
export class CompletionWatcher {
  private readonly logger = new Logger(CompletionWatcher.name);
  private readonly waiters = new Map<string, Set<Waiter>>();
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly findFinished: FinishedLookup,
    private readonly intervalMs = WAIT_POLL_INTERVAL_MS,
  ) {}

  /** Readers currently waiting. */
  get size(): number {
    let size = 0;
    for (const set of this.waiters.values()) size += set.size;
    return size;
  }

  /** Resolves with the finished request, or null if it is still queued after `timeoutMs`. */
  wait(id: string, timeoutMs: number): Promise<PredictionResultRecord | null> {
    if (this.closed || timeoutMs <= 0) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => this.settle(id, waiter, null), timeoutMs),
      };
      const set = this.waiters.get(id) ?? new Set<Waiter>();
      set.add(waiter);
      this.waiters.set(id, set);
      this.timer ??= setTimeout(() => void this.poll(), this.intervalMs);
    });
  }

  /** Releases every waiter (with null) and stops polling. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const [id, set] of this.waiters) for (const waiter of set) this.settle(id, waiter, null);
  }

  private async poll(): Promise<void> {
    const ids = [...this.waiters.keys()];
    for (let start = 0; start < ids.length; start += WAIT_POLL_CHUNK) {
      try {
        for (const snapshot of await this.findFinished(ids.slice(start, start + WAIT_POLL_CHUNK))) {
          for (const waiter of this.waiters.get(snapshot._id) ?? [])
            this.settle(snapshot._id, waiter, snapshot);
        }
      } catch (error) {
        this.logger.debug(`long-poll query failed, retrying: ${(error as Error).message}`);
      }
    }
    this.timer =
      this.waiters.size > 0 && !this.closed
        ? setTimeout(() => void this.poll(), this.intervalMs)
        : undefined;
  }

  private settle(id: string, waiter: Waiter, snapshot: PredictionResultRecord | null): void {
    clearTimeout(waiter.timer);
    const set = this.waiters.get(id);
    set?.delete(waiter);
    if (set?.size === 0) this.waiters.delete(id);
    waiter.resolve(snapshot);
  }
}
