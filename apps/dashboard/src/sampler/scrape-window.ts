import type { Scrape } from './scrape';

/**
 * The recent scrapes, so rates and latency quantiles can be taken over a window (like Prometheus' `rate(x[5s])`)
 * instead of a single, noisy sampling interval.
 */
export class ScrapeWindow {
  private readonly scrapes: Scrape[] = [];

  constructor(private readonly windowMs: number) {}

  /**
   * The scrape to measure increases from for a scrape taken at `at`: the oldest one within `windowMs` before it,
   * or — when the sampling interval is longer than the window — the latest one. Undefined at start.
   */
  baselineFor(at: number): Scrape | undefined {
    return this.scrapes.find((s) => s.at >= at - this.windowMs && s.at < at) ?? this.scrapes.at(-1);
  }

  /** Records a scrape, forgetting those no longer needed as a baseline. */
  push(scrape: Scrape): void {
    this.scrapes.push(scrape);
    while (this.scrapes.length > 1 && this.scrapes[1].at <= scrape.at - this.windowMs)
      this.scrapes.shift();
  }
}
