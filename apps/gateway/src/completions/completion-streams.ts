import type { MessageEvent } from '@nestjs/common';
import { ConcurrencyLimiter } from '@sibyl/auth';
import type { PredictionCompletedV1 } from '@sibyl/contracts';
import { Observable, Subscriber } from 'rxjs';
import { ANONYMOUS_STREAM_OWNER, STREAM_RECONNECT_MS } from './completions.constants';

/** Settings of {@link CompletionStreams}. */
export interface CompletionStreamsOptions {
  maxStreamsPerKey: number;
  heartbeatMs: number;
}

/** Counters the streams report to. */
export interface CompletionStreamsHooks {
  /** `count` completions were written to streams. */
  sent(count: number): void;
}

/**
 * The open `GET /v1/predictions/events` streams, by key, fed from the completion announcements
 * this gateway receives — no database read. A stream gets only its key's completions (with
 * AUTH=off every completion), as `completed` events whose id is the tracking id; `ready` once open
 * (with whether announcements flow, and a reconnect delay), `heartbeat` every `heartbeatMs`, and
 * `resync` when the subscription came back after the broker was away (completions of that gap were
 * not pushed: the client looks up the ids it still awaits).
 */
export class CompletionStreams {
  private readonly open = new Map<string, Set<Subscriber<MessageEvent>>>();
  private readonly limiter: ConcurrencyLimiter;
  private count = 0;
  private closed = false;

  constructor(
    private readonly options: CompletionStreamsOptions,
    private readonly live: () => boolean,
    private readonly hooks: CompletionStreamsHooks = { sent: () => undefined },
  ) {
    this.limiter = new ConcurrencyLimiter(options.maxStreamsPerKey);
  }

  /** Streams open now. */
  get size(): number {
    return this.count;
  }

  /**
   * A new stream of `owner`'s completions (undefined = AUTH=off: all of them); undefined when the
   * key already has `maxStreamsPerKey` open, or the gateway is shutting down.
   */
  stream(owner: string | undefined): Observable<MessageEvent> | undefined {
    if (this.closed) return undefined;
    const name = owner ?? ANONYMOUS_STREAM_OWNER;
    const release = this.limiter.tryAcquire(name);
    if (!release) return undefined;
    return new Observable<MessageEvent>((subscriber) => {
      const set = this.open.get(name) ?? new Set();
      set.add(subscriber);
      this.open.set(name, set);
      this.count++;
      subscriber.next({
        type: 'ready',
        retry: STREAM_RECONNECT_MS,
        data: { live: this.live(), heartbeatMs: this.options.heartbeatMs },
      });
      const heartbeat = setInterval(
        () => subscriber.next({ type: 'heartbeat', data: { at: new Date().toISOString() } }),
        this.options.heartbeatMs,
      );
      return () => {
        clearInterval(heartbeat);
        set.delete(subscriber);
        if (set.size === 0 && this.open.get(name) === set) this.open.delete(name);
        this.count--;
        release();
      };
    });
  }

  /** Pushes an announcement's completions to the streams of their owners. */
  publish(announcement: PredictionCompletedV1): void {
    if (this.count === 0) return;
    const everyone = this.open.get(ANONYMOUS_STREAM_OWNER);
    let sent = 0;
    for (const item of announcement.items) {
      const owned = item.owner === undefined ? undefined : this.open.get(item.owner);
      if (!owned && !everyone) continue;
      const event: MessageEvent = {
        type: 'completed',
        id: item.trackingId,
        data: {
          trackingId: item.trackingId,
          status: item.status,
          language: item.language,
          confidence: item.confidence,
          modelVersion: item.modelVersion,
          completedAt: announcement.completedAt,
        },
      };
      for (const subscriber of owned ?? []) subscriber.next(event);
      for (const subscriber of everyone ?? []) subscriber.next(event);
      sent += (owned?.size ?? 0) + (everyone?.size ?? 0);
    }
    if (sent > 0) this.hooks.sent(sent);
  }

  /** Tells every stream that completions may have been missed (subscription set up again). */
  resync(reason: string): void {
    for (const set of this.open.values())
      for (const subscriber of set) subscriber.next({ type: 'resync', data: { reason } });
  }

  /** Ends every stream (shutdown); clients reconnect to another gateway. */
  close(): void {
    this.closed = true;
    for (const set of [...this.open.values()])
      for (const subscriber of [...set]) subscriber.complete();
  }
}
