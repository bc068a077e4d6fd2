import { Inject, Injectable } from '@nestjs/common';
import { METRICS_OPTIONS, METRICS_REGISTRY, ResolvedMetricsOptions } from '@sibyl/observability';
import { Counter, Registry } from 'prom-client';

/** Why a submission was refused (label `reason` of `sibyl_requests_rejected_total`). */
export type RejectionReason =
  | 'invalid'
  | 'malformed_json'
  | 'too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'error';

/** Submission counters (one count per prediction request, so a batch of 10 counts 10). */
@Injectable()
export class PredictionsMetrics {
  readonly accepted: Counter;
  readonly rejected: Counter<'reason'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
  ) {
    this.accepted = new Counter({
      name: `${options.prefix}requests_accepted_total`,
      help: 'Prediction requests accepted (stored) by the gateway',
      registers: [registry],
    });
    this.rejected = new Counter({
      name: `${options.prefix}requests_rejected_total`,
      help: 'Prediction submissions refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
  }
}
