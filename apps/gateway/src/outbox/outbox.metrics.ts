import { Inject, Injectable } from '@nestjs/common';
import {
  METRICS_OPTIONS,
  METRICS_REGISTRY,
  ResolvedMetricsOptions,
  stateGauges,
} from '@sibyl/observability';
import { Counter, Histogram, Registry } from 'prom-client';
import { CONFIRM_BUCKETS } from './outbox.constants';

/** Live values read by the outbox gauges at each scrape. */
export interface OutboxGaugeSources {
  backlog(): number;
  backlogBytes(): number;
  oldestUnfinishedSeconds(): number;
}

/** Outbox metrics: confirm latency, the backlog of unconfirmed requests, relay activity. */
@Injectable()
export class OutboxMetrics {
  readonly confirmSeconds: Histogram;
  readonly relayed: Counter<'source'>;
  readonly gaveUp: Counter;
  private sources: OutboxGaugeSources = {
    backlog: () => 0,
    backlogBytes: () => 0,
    oldestUnfinishedSeconds: () => 0,
  };

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
  ) {
    this.confirmSeconds = new Histogram({
      name: `${options.prefix}publish_confirm_seconds`,
      help: 'Time from publishing a prediction request to its broker confirm',
      buckets: CONFIRM_BUCKETS,
      registers: [registry],
    });
    const gauge = stateGauges(registry, options.prefix, () => this.sources);
    gauge(
      'outbox_backlog_bytes',
      'Bytes held in memory for requests stored but not confirmed by the broker (bounded by OUTBOX_BACKLOG_MAX_BYTES; at the bound submissions get 503)',
      (sources) => sources.backlogBytes(),
    );
    gauge(
      'oldest_unfinished_request_age_seconds',
      'Age of the oldest request without a result found by the last outbox sweep (requests younger than the sweep cutoff are not counted; 0 when none)',
      (sources) => sources.oldestUnfinishedSeconds(),
    );
    gauge(
      'outbox_backlog',
      'Prediction requests stored but not confirmed by the broker (being published or awaiting a retry), as known to this gateway',
      (sources) => sources.backlog(),
    );
    this.relayed = new Counter({
      name: `${options.prefix}outbox_relayed_total`,
      help: 'Requests published again by the outbox relay, by source (retry = failed publish kept in memory, sweep = found overdue in the database)',
      labelNames: ['source'],
      registers: [registry],
    });
    this.gaveUp = new Counter({
      name: `${options.prefix}outbox_gave_up_total`,
      help: 'Requests stored as failed by the outbox relay after OUTBOX_MAX_ATTEMPTS publishes without a result',
      registers: [registry],
    });
  }

  /** Where the gauges read their values at each scrape (kept in memory: counting in the database would scan it). */
  track(sources: OutboxGaugeSources): void {
    this.sources = sources;
  }
}
