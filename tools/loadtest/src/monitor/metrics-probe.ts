import { parsePrometheusText } from './prometheus-text';

/**
 * Scrapes Prometheus `/metrics` endpoints (with its own fetch, so the load client's
 * sockets serve only load); unreachable ones yield an empty map and a note.
 */
export class MetricsProbe {
  readonly notes: string[] = [];

  constructor(
    private readonly targets: { name: string; url: string }[],
    /** Key with the `metrics` scope (the gateway's and predictors' `/metrics` need one). */
    private readonly apiKey?: string,
  ) {}

  /** True when there is anything to scrape. */
  get enabled(): boolean {
    return this.targets.length > 0;
  }

  /** One scrape of every target, keyed by target name. */
  async scrape(): Promise<Map<string, Map<string, number>>> {
    const results = new Map<string, Map<string, number>>();
    await Promise.all(
      this.targets.map(async ({ name, url }) => {
        try {
          const res = await fetch(url, {
            signal: AbortSignal.timeout(5000),
            headers: this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {},
          });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          results.set(name, parsePrometheusText(await res.text()));
        } catch (error) {
          this.notes.push(`metrics of ${name} (${url}) unavailable: ${(error as Error).message}`);
          results.set(name, new Map());
        }
      }),
    );
    return results;
  }
}
