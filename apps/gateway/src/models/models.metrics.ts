import { Inject, Injectable } from '@nestjs/common';
import { METRICS_OPTIONS, METRICS_REGISTRY, ResolvedMetricsOptions } from '@sibyl/observability';
import { Counter, Registry } from 'prom-client';

/** Metrics of the registry endpoints (with the default prefix): `sibyl_model_event_publish_failures_total`. */
@Injectable()
export class ModelsMetrics {
  /** Promotions and rollbacks that stand but whose `model.promoted.v1` was not confirmed by the broker. */
  readonly eventPublishFailures: Counter<'action'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
  ) {
    this.eventPublishFailures = new Counter({
      name: `${options.prefix}model_event_publish_failures_total`,
      help: 'Promotions and rollbacks whose model.promoted.v1 event was not published (the change stands; predictors pick it up at their MODEL_RECHECK_INTERVAL_MS re-check)',
      labelNames: ['action'],
      registers: [registry],
    });
  }
}
