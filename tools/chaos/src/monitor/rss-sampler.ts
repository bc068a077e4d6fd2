import { rssOf } from '@sibyl/loadtest';

/**
 * Samples the RSS of named processes every `intervalMs` and keeps the peak per name (a
 * restarted app keeps its name with a new pid, so the list is read at each round).
 */
export class RssSampler {
  private readonly peak = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly processes: () => { name: string; pid: number }[],
    private readonly intervalMs = 1000,
  ) {}

  /** Starts sampling. */
  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  /** Stops sampling and returns the peaks in MiB by name. */
  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.sample();
    return Object.fromEntries(
      [...this.peak.entries()].map(([name, bytes]) => [name, Math.round(bytes / 2 ** 20)]),
    );
  }

  private sample(): void {
    for (const { name, pid } of this.processes()) {
      if (pid <= 0) continue;
      const rss = rssOf(pid);
      if (rss !== null) this.peak.set(name, Math.max(this.peak.get(name) ?? 0, rss));
    }
  }
}
