import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@sibyl/observability';
import { Counter, Histogram, Registry } from 'prom-client';
import type { Scrape } from '../sampler/scrape';

/** The dashboard's own metrics: how sampling the other services goes. */
@Injectable()
export class DashboardMetrics {
  private readonly scrapes: Counter<'source' | 'outcome'>;
  private readonly duration: Histogram;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.scrapes = new Counter({
      name: 'sibyl_dashboard_scrapes_total',
      help: 'Endpoints read by the dashboard sampler, by source (gateway_queue, gateway_metrics, predictor) and outcome',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'sibyl_dashboard_sample_duration_seconds',
      help: 'Time to scrape every source once',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  /** Counts the outcome of each endpoint of one scrape and its duration. */
  observeScrape(scrape: Scrape, seconds: number): void {
    const outcome = (ok: boolean) => (ok ? 'ok' : 'error');
    this.scrapes.inc({ source: 'gateway_queue', outcome: outcome(scrape.queue.ok) });
    this.scrapes.inc({ source: 'gateway_metrics', outcome: outcome(scrape.gatewayMetrics.ok) });
    for (const predictor of scrape.predictors)
      this.scrapes.inc({ source: 'predictor', outcome: outcome(predictor.metrics.ok) });
    this.duration.observe(seconds);
  }
}
