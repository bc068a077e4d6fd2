import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';

/** What the watchdog reads from the consumer (the {@link AmqpStrategy}). */
export interface WatchedConsumer {
  /** Deliveries held right now. */
  readonly inFlightCount: number;
  /** Why consumption is paused on purpose (e.g. database unreachable), or undefined. */
  readonly pausedReason: string | undefined;
  /** How long deliveries have been held without any being settled (0 when none held). */
  heldWithoutProgressMs(now?: number): number;
  /** True while a consumer is registered. */
  readonly consuming: boolean;
  /** How long since the last delivery arrived (or since it subscribed). */
  idleForMs(now?: number): number;
  /** Drops the consumer and subscribes again on a new channel. */
  resubscribe(reason: string): void;
}

/** Reads the requests queue's ready count (undefined when unknown). */
export type QueueProbe = () => Promise<{ ready: number } | undefined>;

/** Starvations in a row (subscribing again did not help) after which the consumer is not live. */
const STARVATIONS_BEFORE_NOT_LIVE = 2;

/** Longest pause between two checks of the watchdog's own timer (it also checks on each probe). */
const MAX_CHECK_INTERVAL_MS = 5000;

/**
 * Detects a consumer that makes no progress, two ways:
 * - stalled: it holds unacked deliveries and has settled none for `stallTimeoutMs`, without a known
 *   reason (a consumption paused because the database is down is waiting, not stalled — restarting
 *   would not help and would spend delivery attempts);
 * - starved: it is subscribed, holds nothing and has received nothing for `stallTimeoutMs` while the
 *   requests queue holds ready messages — what RabbitMQ 3.10 does to a consumer of a quorum queue
 *   deleted and declared again at once (the consumer stays registered on the new queue and takes
 *   up to its prefetch of messages that never reach the client). It subscribes again on a new
 *   channel; if it is still starved a period later it is not live.
 * A stalled (or still starved) predictor is not live: `/health/live` fails so that the
 * orchestrator restarts it and the broker redelivers what it held. Logged once per stall,
 * exported as `sibyl_consumer_stalled`.
 */
export class ConsumerWatchdog implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerWatchdog.name);
  private timer?: NodeJS.Timeout;
  private reported = false;
  private starvations = 0;
  private starvedReady = 0;
  private inspecting = false;

  constructor(
    private readonly consumer: WatchedConsumer,
    readonly stallTimeoutMs: number,
    private readonly probeQueue: QueueProbe = async () => undefined,
  ) {}

  /** Starts the periodic check (so a stall is logged even when nobody probes). */
  onModuleInit(): void {
    this.timer = setInterval(
      () => {
        this.check();
        void this.inspect();
      },
      Math.min(MAX_CHECK_INTERVAL_MS, this.stallTimeoutMs),
    );
    this.timer.unref();
  }

  /** Stops the periodic check. */
  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** How long the consumer has been stalled (0 when it is not). */
  stalledForMs(now = Date.now()): number {
    if (this.consumer.pausedReason !== undefined) return 0;
    const held = this.consumer.heldWithoutProgressMs(now);
    return held >= this.stallTimeoutMs ? held : 0;
  }

  /**
   * Starvation check (needs the queue's ready count, hence async): subscribes again when the
   * consumer receives nothing while the queue holds ready messages.
   */
  async inspect(now = Date.now()): Promise<void> {
    const { consumer } = this;
    const idle =
      consumer.consuming &&
      consumer.pausedReason === undefined &&
      consumer.inFlightCount === 0 &&
      consumer.idleForMs(now) >= this.stallTimeoutMs;
    if (!idle || this.inspecting) {
      if (!idle) this.starvations = 0;
      return;
    }
    this.inspecting = true;
    try {
      const state = await this.probeQueue().catch(() => undefined);
      if (!state || state.ready === 0) {
        this.starvations = 0;
        return;
      }
      this.starvations++;
      this.starvedReady = state.ready;
      const idleS = Math.round(consumer.idleForMs(now) / 1000);
      this.logger.error(
        `consumer starved: received nothing for ${idleS} s while the requests queue holds ${state.ready} ready messages; subscribing again`,
      );
      consumer.resubscribe(`starved (${state.ready} ready messages, nothing received)`);
    } finally {
      this.inspecting = false;
    }
  }

  /** Why the consumer is stalled (for the liveness report and the log), or undefined. */
  check(now = Date.now()): string | undefined {
    const stalledMs = this.stalledForMs(now);
    const reason =
      stalledMs > 0
        ? `holds ${this.consumer.inFlightCount} unacked deliveries and settled none for ` +
          `${Math.round(stalledMs / 1000)} s (STALL_TIMEOUT_MS ${this.stallTimeoutMs})`
        : this.starvations >= STARVATIONS_BEFORE_NOT_LIVE
          ? `receives nothing while the requests queue holds ${this.starvedReady} ready messages, ` +
            `even after subscribing again`
          : undefined;
    if (reason && !this.reported) {
      this.logger.error(`consumer stalled: ${reason}; reporting not live so that it is restarted`);
    } else if (!reason && this.reported) {
      this.logger.log('consumer progressing again');
    }
    this.reported = reason !== undefined;
    return reason;
  }
}
