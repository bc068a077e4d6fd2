import { Inject, Injectable } from '@nestjs/common';
import {
  METRICS_OPTIONS,
  METRICS_REGISTRY,
  type ResolvedMetricsOptions,
} from '@sibyl/observability';
import { Counter, Gauge, Registry } from 'prom-client';

/** The predictor's shadow evaluation metrics (apart from the live path's). */
@Injectable()
export class ShadowMetrics {
  readonly predictions: Counter<'version'>;
  readonly comparisons: Counter<'version' | 'outcome'>;
  readonly skipped: Counter<'version'>;
  readonly failures: Counter<'reason'>;
  readonly agreement: Gauge<'version'>;
  readonly active: Gauge<'version'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) { prefix }: ResolvedMetricsOptions,
  ) {
    const registers = [registry];
    this.predictions = new Counter({
      name: `${prefix}shadow_predictions_total`,
      help: 'Shadow predictions of a candidate stored in shadow_results (never returned to clients)',
      labelNames: ['version'],
      registers,
    });
    this.comparisons = new Counter({
      name: `${prefix}shadow_comparisons_total`,
      help: 'Shadow predictions compared at once with the live result (agreed, disagreed) or pending (live result not stored yet: the report compares it later)',
      labelNames: ['version', 'outcome'],
      registers,
    });
    this.skipped = new Counter({
      name: `${prefix}shadow_skipped_total`,
      help: 'Shadow copies acknowledged without a prediction: outside the sample (--sample)',
      labelNames: ['version'],
      registers,
    });
    this.failures = new Counter({
      name: `${prefix}shadow_failures_total`,
      help: 'Shadow evaluation failures, by reason (check, load, store, finish, dead_letter); the live path is unaffected',
      labelNames: ['reason'],
      registers,
    });
    this.agreement = new Gauge({
      name: `${prefix}shadow_agreement`,
      help: 'Agreement of the shadowed candidate with the live model: of this predictor’s immediate comparisons while running, the final report’s once it finished the run',
      labelNames: ['version'],
      registers,
    });
    this.active = new Gauge({
      name: `${prefix}shadow_active`,
      help: '1 while this predictor consumes the shadow queue with the candidate loaded',
      labelNames: ['version'],
      registers,
    });
  }
}
