import { Inject, Injectable } from '@nestjs/common';
import { LANGUAGE_CODES, UNDETERMINED } from '@sibyl/model';
import { METRICS_OPTIONS, METRICS_REGISTRY, ResolvedMetricsOptions } from '@sibyl/observability';
import { Counter, Gauge, Registry } from 'prom-client';
import { MAX_VERSION_LABELS, OTHER_LABEL } from './model-accuracy.constants';

/** Labels a language may take: the 38 codes and `und`; anything else is `other`. */
const LANGUAGE_LABELS = new Set([...LANGUAGE_CODES, UNDETERMINED]);

/** One feedback event as counted. */
export interface CountedFeedback {
  modelVersion: string;
  predicted: string;
  actual: string;
}

/**
 * Feedback and live-accuracy metrics (with the default prefix): `sibyl_feedback_total`,
 * `sibyl_feedback_failures_total`, `sibyl_live_accuracy`, `sibyl_live_accuracy_feedback_items`,
 * `sibyl_live_accuracy_latest_feedback_seconds` and `sibyl_live_accuracy_refresh_failures_total`.
 * Label sets are bounded: languages are the 38 codes plus `und`, versions the first
 * {@link MAX_VERSION_LABELS} this process saw (then `other`).
 */
@Injectable()
export class ModelAccuracyMetrics {
  readonly feedback: Counter<'model_version' | 'predicted' | 'actual'>;
  readonly liveAccuracy: Gauge<'model_version' | 'window'>;
  readonly liveFeedback: Gauge<'model_version' | 'window'>;
  readonly latestFeedback: Gauge<'model_version'>;
  readonly refreshFailures: Counter;
  readonly feedbackFailures: Counter;
  private readonly versions = new Set<string>();

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(METRICS_OPTIONS) options: ResolvedMetricsOptions,
  ) {
    this.feedback = new Counter({
      name: `${options.prefix}feedback_total`,
      help: 'Feedback given on done predictions, by the model version that produced them, what it predicted and what the feedback says (a correction counts again)',
      labelNames: ['model_version', 'predicted', 'actual'],
      registers: [registry],
    });
    this.liveAccuracy = new Gauge({
      name: `${options.prefix}live_accuracy`,
      help: 'Accuracy of a model version over a recent window of feedback (last_100, last_1000 items, last_24h); absent without feedback',
      labelNames: ['model_version', 'window'],
      registers: [registry],
    });
    this.liveFeedback = new Gauge({
      name: `${options.prefix}live_accuracy_feedback_items`,
      help: 'Feedback items behind sibyl_live_accuracy (a window may hold fewer than its size)',
      labelNames: ['model_version', 'window'],
      registers: [registry],
    });
    this.latestFeedback = new Gauge({
      name: `${options.prefix}live_accuracy_latest_feedback_seconds`,
      help: 'Unix time of the newest feedback on a model version (a version no longer served stops advancing)',
      labelNames: ['model_version'],
      registers: [registry],
    });
    this.refreshFailures = new Counter({
      name: `${options.prefix}live_accuracy_refresh_failures_total`,
      help: 'Refreshes of the live-accuracy gauges that failed (the gauges keep their last values)',
      registers: [registry],
    });
    this.feedbackFailures = new Counter({
      name: `${options.prefix}feedback_failures_total`,
      help: 'Feedback that could not be recorded for live accuracy (the client got 503 and may retry)',
      registers: [registry],
    });
  }

  /** Counts one feedback event. */
  countFeedback({ modelVersion, predicted, actual }: CountedFeedback): void {
    this.feedback.inc({
      model_version: this.versionLabel(modelVersion),
      predicted: LANGUAGE_LABELS.has(predicted) ? predicted : OTHER_LABEL,
      actual: LANGUAGE_LABELS.has(actual) ? actual : OTHER_LABEL,
    });
  }

  private versionLabel(version: string): string {
    if (this.versions.has(version)) return version;
    if (this.versions.size >= MAX_VERSION_LABELS) return OTHER_LABEL;
    this.versions.add(version);
    return version;
  }
}
