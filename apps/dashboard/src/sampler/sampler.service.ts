import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { QueueStatsView } from '@sibyl/contracts';
import { Observable, Subject } from 'rxjs';
import type { DashboardConfig } from '../config/dashboard.config';
import { DashboardMetrics } from '../metrics/dashboard.metrics';
import { EndpointScraper, FetchFunction } from './endpoint.scraper';
import type { OpsSample } from './ops-sample';
import { deriveOpsSample } from './ops-sample.deriver';
import { SampleHistory } from './sample-history';
import { MAX_SCRAPE_TIMEOUT_MS, MIN_SCRAPE_TIMEOUT_MS, SAMPLER_FETCH } from './sampler.constants';
import type { Scrape } from './scrape';
import { ScrapeWindow } from './scrape-window';

/**
 * Samples the gateway (`/v1/queue`, `/metrics`) and every predictor (`/metrics`) each SAMPLE_INTERVAL_MS, derives
 * an {@link OpsSample} (rates and latency quantiles over RATE_WINDOW_MS), keeps a rolling window of samples and
 * publishes each new one.
 */
@Injectable()
export class SamplerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SamplerService.name);
  private readonly samples$ = new Subject<OpsSample>();
  private readonly history: SampleHistory<OpsSample>;
  private readonly scraper: EndpointScraper;
  private readonly intervalMs: number;
  private readonly window: ScrapeWindow;
  private timer?: NodeJS.Timeout;
  private running = false;
  private lastErrors = '';

  constructor(
    private readonly config: ConfigService<DashboardConfig, true>,
    private readonly metrics: DashboardMetrics,
    @Inject(SAMPLER_FETCH) fetchFn: FetchFunction,
  ) {
    this.intervalMs = config.get('SAMPLE_INTERVAL_MS', { infer: true });
    this.history = new SampleHistory(config.get('SAMPLE_HISTORY_SIZE', { infer: true }));
    this.window = new ScrapeWindow(config.get('RATE_WINDOW_MS', { infer: true }));
    this.scraper = new EndpointScraper(
      fetchFn,
      Math.min(Math.max(this.intervalMs * 2, MIN_SCRAPE_TIMEOUT_MS), MAX_SCRAPE_TIMEOUT_MS),
      config.get('DASHBOARD_API_KEY', { infer: true }),
    );
  }

  /** New samples as they are derived. */
  get samples(): Observable<OpsSample> {
    return this.samples$.asObservable();
  }

  /** The rolling window, oldest first. */
  recent(): OpsSample[] {
    return this.history.toArray();
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule(0);
  }

  onApplicationShutdown(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.samples$.complete();
  }

  /** Scrapes every source once, derives and publishes the sample. Exposed for tests. */
  async sampleOnce(): Promise<OpsSample> {
    const started = Date.now();
    const scrape = await this.scrape(started);
    const baseline = this.window.baselineFor(scrape.at);
    const sample = deriveOpsSample(
      baseline,
      scrape,
      this.config.get('BACKLOG_ALERT_THRESHOLD', { infer: true }),
    );
    this.window.push(scrape);
    this.history.push(sample);
    this.metrics.observeScrape(scrape, (Date.now() - started) / 1000);
    this.logChangedErrors(scrape);
    this.samples$.next(sample);
    return sample;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      const started = Date.now();
      this.sampleOnce()
        .catch((error: Error) =>
          this.logger.error(`sampling failed: ${error.message}`, error.stack),
        )
        .finally(() => {
          if (this.running) this.schedule(Math.max(0, this.intervalMs - (Date.now() - started)));
        });
    }, delayMs);
  }

  private async scrape(at: number): Promise<Scrape> {
    const gatewayUrl = this.config.get('GATEWAY_URL', { infer: true }).replace(/\/+$/, '');
    const predictorUrls = this.config.get('PREDICTOR_METRICS_URLS', { infer: true });
    const [queue, gatewayMetrics, ...predictorMetrics] = await Promise.all([
      this.scraper.json<QueueStatsView>(`${gatewayUrl}/v1/queue`),
      this.scraper.metrics(`${gatewayUrl}/metrics`),
      ...predictorUrls.map((url) => this.scraper.metrics(url)),
    ]);
    return {
      at,
      queue,
      gatewayMetrics,
      predictors: predictorUrls.map((url, i) => ({ url, metrics: predictorMetrics[i] })),
    };
  }

  /** Logs unreachable sources once per change, not once per second. */
  private logChangedErrors(scrape: Scrape): void {
    const failures = [
      ['gateway queue', scrape.queue],
      ['gateway metrics', scrape.gatewayMetrics],
      ...scrape.predictors.map((p) => [p.url, p.metrics] as const),
    ].flatMap(([source, result]) =>
      typeof result === 'object' && !result.ok ? [`${source}: ${result.error}`] : [],
    );
    const summary = failures.join('; ');
    if (summary !== this.lastErrors) {
      if (summary) this.logger.warn(`cannot sample ${summary}`);
      else if (this.lastErrors) this.logger.log('every source answers again');
      this.lastErrors = summary;
    }
  }
}
