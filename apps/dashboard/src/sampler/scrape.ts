import type { QueueStatsView } from '@sibyl/contracts';
import type { PrometheusMetricFamily } from '@sibyl/observability';

/** Outcome of reading one endpoint. */
export type ScrapeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Everything read from the gateway and the predictors at one instant. */
export interface Scrape {
  /** ms since the epoch, when the scrape started. */
  at: number;
  queue: ScrapeResult<QueueStatsView>;
  gatewayMetrics: ScrapeResult<PrometheusMetricFamily[]>;
  predictors: Array<{ url: string; metrics: ScrapeResult<PrometheusMetricFamily[]> }>;
}

/** The value of a successful scrape, or undefined. */
export function valueOf<T>(result: ScrapeResult<T> | undefined): T | undefined {
  return result?.ok ? result.value : undefined;
}
