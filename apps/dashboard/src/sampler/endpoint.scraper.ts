import { parsePrometheusText, PrometheusMetricFamily } from '@sibyl/observability';
import type { ScrapeResult } from './scrape';

/** The subset of `fetch` the scraper needs. */
export type FetchFunction = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<Response>;

/** Reads HTTP endpoints with a timeout (and the dashboard's key), turning every failure into a `{ ok: false, error }` result. */
export class EndpointScraper {
  constructor(
    private readonly fetchFn: FetchFunction,
    private readonly timeoutMs: number,
    /** Sent as `Authorization: Bearer` (the dashboard's own key), if any. */
    private readonly bearerKey?: string,
  ) {}

  /** GETs a JSON document. */
  json<T>(url: string): Promise<ScrapeResult<T>> {
    return this.read(url, 'application/json', async (response) => (await response.json()) as T);
  }

  /** GETs and validates a Prometheus exposition. */
  metrics(url: string): Promise<ScrapeResult<PrometheusMetricFamily[]>> {
    return this.read(url, 'text/plain', async (response) =>
      parsePrometheusText(await response.text()),
    );
  }

  private async read<T>(
    url: string,
    accept: string,
    parse: (r: Response) => Promise<T>,
  ): Promise<ScrapeResult<T>> {
    try {
      const response = await this.fetchFn(url, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: this.bearerKey
          ? { accept, authorization: `Bearer ${this.bearerKey}` }
          : { accept },
      });
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, error: `HTTP ${response.status} from ${url}` };
      }
      return { ok: true, value: await parse(response) };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
