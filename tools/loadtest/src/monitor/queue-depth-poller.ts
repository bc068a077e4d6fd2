import { HttpClient } from '../http/http-client';

/** Peak queue depth seen while polling `GET /v1/queue`. */
export interface QueueDepthSummary {
  samples: number;
  failures: number;
  peakReady: number | null;
  /** Peak of unacked, when the gateway knows it (management API). */
  peakUnacked: number | null;
  /** Peak of ready + unacked (unacked counted as 0 when unknown). */
  peakDepth: number | null;
  /** Last answer, for context. */
  last: Record<string, unknown> | null;
}

/**
 * Polls the gateway's `GET /v1/queue` at a fixed interval during the run and keeps
 * the peaks. Each poll waits for the previous one, so a slow gateway is not piled on.
 */
export class QueueDepthPoller {
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly summary: QueueDepthSummary = {
    samples: 0,
    failures: 0,
    peakReady: null,
    peakUnacked: null,
    peakDepth: null,
    last: null,
  };
  /** Latest ready count, for the progress display. */
  currentReady: number | null = null;

  constructor(
    private readonly client: HttpClient,
    private readonly intervalMs = 500,
  ) {}

  /** Starts polling. */
  start(): void {
    this.running = true;
    const tick = async (): Promise<void> => {
      await this.pollOnce();
      if (this.running) this.timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
  }

  /** Stops polling and returns the peaks. */
  stop(): QueueDepthSummary {
    this.running = false;
    clearTimeout(this.timer);
    return { ...this.summary };
  }

  /** One poll (exposed for tests). */
  async pollOnce(): Promise<void> {
    try {
      const res = await this.client.request('GET', '/v1/queue');
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const stats = JSON.parse(res.body) as { ready?: unknown; unacked?: unknown };
      const ready = typeof stats.ready === 'number' ? stats.ready : null;
      const unacked = typeof stats.unacked === 'number' ? stats.unacked : null;
      this.summary.samples++;
      this.summary.last = stats as Record<string, unknown>;
      this.currentReady = ready;
      if (ready !== null) this.summary.peakReady = Math.max(this.summary.peakReady ?? 0, ready);
      if (unacked !== null)
        this.summary.peakUnacked = Math.max(this.summary.peakUnacked ?? 0, unacked);
      if (ready !== null)
        this.summary.peakDepth = Math.max(this.summary.peakDepth ?? 0, ready + (unacked ?? 0));
    } catch {
      this.summary.failures++;
    }
  }
}
