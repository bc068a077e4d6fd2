/**
 * Counts failed logins per client IP in a fixed window; once {@link maxFailures} is reached, further attempts from
 * that IP are refused until the window ends (brute force of the configured password). In memory, per process.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until `ip` may try again (0 = now). */
  retryAfterMs(ip: string, now = Date.now()): number {
    const entry = this.failures.get(ip);
    if (!entry || entry.until <= now) return 0;
    return entry.count >= this.maxFailures ? entry.until - now : 0;
  }

  /** Records a failed attempt of `ip`. */
  fail(ip: string, now = Date.now()): void {
    const entry = this.failures.get(ip);
    if (!entry || entry.until <= now)
      this.failures.set(ip, { count: 1, until: now + this.windowMs });
    else entry.count += 1;
    if (this.failures.size > MAX_TRACKED_IPS) this.prune(now);
  }

  /** A successful login clears the IP's failures. */
  succeed(ip: string): void {
    this.failures.delete(ip);
  }

  private prune(now: number): void {
    for (const [ip, entry] of this.failures) if (entry.until <= now) this.failures.delete(ip);
  }
}

/** Bound on the tracked IPs between prunes. */
const MAX_TRACKED_IPS = 10_000;
