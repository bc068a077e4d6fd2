/** How {@link RestartBackoff} spaces restarts. */
export interface BackoffPolicy {
  /** Delay before the first restart (ms). */
  initialMs: number;
  /** Upper bound of the delay (ms). */
  maxMs: number;
  /** Each further crash multiplies the delay by this. */
  factor: number;
  /** A run at least this long counts as healthy: the next crash starts over at `initialMs`. */
  stableAfterMs: number;
}

/** The defaults of `npm start`: 1 s, 2 s, 4 s … 30 s; reset after a minute of uptime. */
export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 1_000,
  maxMs: 30_000,
  factor: 2,
  stableAfterMs: 60_000,
};

/**
 * Exponential restart delays of one app, like an orchestrator's crash-loop back-off:
 * consecutive crashes wait longer each time, a run that stayed up long enough resets it.
 */
export class RestartBackoff {
  private consecutive = 0;

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  /** Consecutive crashes so far (0 after a stable run). */
  get crashes(): number {
    return this.consecutive;
  }

  /** Records a crash after `uptimeMs` of running and returns the delay before the restart. */
  nextDelay(uptimeMs: number): number {
    if (uptimeMs >= this.policy.stableAfterMs) this.consecutive = 0;
    const delay = this.policy.initialMs * this.policy.factor ** this.consecutive;
    this.consecutive++;
    return Math.min(this.policy.maxMs, delay);
  }
}
