import { Logger } from '@nestjs/common';

/** Pauses between two tries of a result write that failed because the database is unreachable. */
export const STORAGE_RETRY_DELAYS_MS = [250, 500, 1000, 2000];

/** How {@link StorageOutage.writeUntilStored} decides and waits. */
export interface StorageOutageOptions {
  /** True for an error meaning "the database cannot be reached now" (worth waiting for). */
  isUnavailable(error: unknown): boolean;
  /** Pauses between tries; the last one repeats. */
  delaysMs?: readonly number[];
}

/** Called when the first write fails (`held` with the reason) and when writes succeed again. */
export type StorageOutageListener = (held: string | undefined) => void;

/**
 * Keeps a batch whose results cannot be stored, instead of handing its messages back to the broker:
 * on a quorum queue every requeue counts toward the delivery limit, so a database outage of a few
 * minutes would dead-letter accepted requests. While the outage lasts the batch is retried with
 * growing pauses and listeners are told to stop taking work (the consumer pauses, readiness fails);
 * its messages stay unacked, so a crash still returns them to the queue. Other errors, and any error
 * once {@link stop} was called (shutdown), are thrown as before.
 */
export class StorageOutage {
  private readonly logger = new Logger('StorageOutage');
  private readonly listeners = new Set<StorageOutageListener>();
  private reason: string | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: StorageOutageOptions) {}

  /** Why results cannot be stored right now, or undefined. */
  get held(): string | undefined {
    return this.reason;
  }

  /** Subscribes to hold/release changes. */
  onChange(listener: StorageOutageListener): void {
    this.listeners.add(listener);
  }

  /** Shutdown: the next failure is thrown instead of waited out; a pause in progress ends now. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Runs `write` until it succeeds, waiting out database outages (see the class comment). */
  async writeUntilStored<T>(write: () => Promise<T>): Promise<T> {
    const delays = this.options.delaysMs ?? STORAGE_RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await write();
        this.set(undefined);
        return result;
      } catch (error) {
        if (this.stopped || !this.options.isUnavailable(error)) throw error;
        this.set(`cannot store results: ${(error as Error).message}`);
        await this.pause(delays[Math.min(attempt, delays.length - 1)]);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => (this.wake = undefined));
  }

  private set(reason: string | undefined): void {
    if (reason === undefined && this.reason === undefined) return;
    const changed = (reason === undefined) !== (this.reason === undefined);
    this.reason = reason;
    if (!changed) return;
    if (reason) this.logger.warn(`${reason}; holding the batch and pausing consumption`);
    else this.logger.log('results stored again; resuming consumption');
    for (const listener of this.listeners) listener(reason);
  }
}
