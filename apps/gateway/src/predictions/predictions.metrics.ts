import { Injectable } from '@nestjs/common';
import { MetricFactory } from '@sibyl/observability';
import type { Counter } from 'prom-client';

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

  constructor(metrics: MetricFactory) {
    this.accepted = metrics.counter({
      name: 'requests_accepted_total',
      help: 'Prediction requests accepted (stored) by the gateway',
    });
    this.rejected = metrics.counter({
      name: 'requests_rejected_total',
      help: 'Prediction submissions refused, by reason',
      labelNames: ['reason'],
    });
  }
}
