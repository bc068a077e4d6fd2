import { findSamples, PrometheusMetricFamily, sampleValue } from '@sibyl/observability';
import { seriesIncrease } from './counter-rate';
import {
  addBuckets,
  bucketDeltas,
  bucketsOf,
  HistogramBuckets,
  histogramQuantile,
} from './histogram-quantile';
import { opsAlerts } from './ops-alerts';
import type { OpsSample, PredictorStatus, QueueFigures, ReliabilityFigures } from './ops-sample';
import { SCRAPED_METRICS as M } from './sampler.constants';
import { Scrape, valueOf } from './scrape';

type Families = PrometheusMetricFamily[];

/**
 * Derives one operations sample from the current scrape and the previous one: rates from counter deltas (resets
 * tolerated), latency quantiles from histogram bucket deltas, queue figures, totals and alerts.
 */
export function deriveOpsSample(
  previous: Scrape | undefined,
  current: Scrape,
  backlogThreshold: number,
): OpsSample {
  const seconds = previous ? (current.at - previous.at) / 1000 : null;
  const gateway = valueOf(current.gatewayMetrics);
  const predictorPairs = current.predictors.map((p) => ({
    now: valueOf(p.metrics),
    before: valueOf(previous?.predictors.find((q) => q.url === p.url)?.metrics),
  }));
  const completed = (labels: Record<string, string> = {}) =>
    rate(predictorPairs, M.predictionsCompleted, seconds, labels);
  const latency = addBuckets(
    predictorPairs.flatMap(({ now, before }) =>
      now && before ? [latencyBuckets(before, now)] : [],
    ),
  );
  const partial: Omit<OpsSample, 'alerts'> = {
    at: current.at,
    intervalSeconds: seconds,
    queue: queueFigures(current, gateway),
    throughput: {
      submittedPerSecond: rate(
        [{ now: gateway, before: valueOf(previous?.gatewayMetrics) }],
        M.requestsAccepted,
        seconds,
      ),
      completedPerSecond: completed(),
      failedPerSecond: completed({ status: 'failed' }),
    },
    latency: {
      p50: histogramQuantile(0.5, latency),
      p95: histogramQuantile(0.95, latency),
      p99: histogramQuantile(0.99, latency),
      observations: latency.at(-1)?.count ?? 0,
    },
    languages: totalsBy(
      predictorPairs,
      M.predictionsCompleted,
      'language',
      (l) => l['status'] !== 'failed',
    ),
    deadLetterReasons: totalsBy(predictorPairs, M.deadLetteredTotal, 'reason'),
    modelVersions: [
      ...new Set(
        current.predictors
          .map(predictorStatus)
          .flatMap((p) => (p.modelVersion ? [p.modelVersion] : [])),
      ),
    ],
    gateway:
      current.gatewayMetrics.ok || current.queue.ok
        ? { up: true }
        : { up: false, error: current.gatewayMetrics.error },
    predictors: current.predictors.map(predictorStatus),
    reliability: reliabilityFigures(
      gateway,
      predictorPairs.map(({ now }) => now),
    ),
  };
  return { ...partial, alerts: opsAlerts(partial, backlogThreshold) };
}

function queueFigures(current: Scrape, gateway: Families | undefined): QueueFigures {
  const queue = valueOf(current.queue);
  const gauge = (name: string) => (gateway ? (sampleValue(gateway, name) ?? null) : null);
  return {
    ready: queue?.ready ?? gauge(M.queueReady),
    unacked: queue ? queue.unacked : gauge(M.queueUnacked),
    consumers: queue?.consumers ?? gauge(M.queueConsumers),
    deadLettered: queue?.deadLettered ?? gauge(M.deadLetteredMessages),
    outboxBacklog: gauge(M.outboxBacklog),
    publishRate: queue?.publishRate ?? null,
    deliverRate: queue?.deliverRate ?? null,
  };
}

/** Summed per-second rate of a counter over the sources answering in both scrapes; null if none did. */
function rate(
  pairs: Array<{ now?: Families; before?: Families }>,
  name: string,
  seconds: number | null,
  labels: Record<string, string> = {},
): number | null {
  const usable = pairs.flatMap(({ now, before }) => (now && before ? [{ now, before }] : []));
  if (seconds === null || seconds <= 0 || usable.length === 0) return null;
  const increase = usable.reduce(
    (sum, p) =>
      sum + seriesIncrease(findSamples(p.before, name, labels), findSamples(p.now, name, labels)),
    0,
  );
  return increase / seconds;
}

function latencyBuckets(before: Families, now: Families): HistogramBuckets {
  return bucketDeltas(
    bucketsOf(findSamples(before, M.latencyBucket)),
    bucketsOf(findSamples(now, M.latencyBucket)),
  );
}

/** Current counter totals grouped by one label, summed over the predictors answering now. */
function totalsBy(
  pairs: Array<{ now?: Families }>,
  name: string,
  label: string,
  keep: (labels: Record<string, string>) => boolean = () => true,
): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const sample of pairs.flatMap((p) => (p.now ? findSamples(p.now, name) : []))) {
    const key = sample.labels[label];
    if (key === undefined || !keep(sample.labels)) continue;
    totals[key] = (totals[key] ?? 0) + sample.value;
  }
  return totals;
}

function predictorStatus(p: Scrape['predictors'][number]): PredictorStatus {
  if (!p.metrics.ok) return { url: p.url, up: false, error: p.metrics.error, modelVersion: null };
  const info = findSamples(p.metrics.value, M.modelInfo).find((s) => s.value === 1);
  return { url: p.url, up: true, modelVersion: info?.labels['version'] ?? null };
}

/** The self-healing signals of the gateway's and predictors' gauges. */
function reliabilityFigures(
  gateway: Families | undefined,
  predictors: Array<Families | undefined>,
): ReliabilityFigures {
  const gauge = (families: Families | undefined, name: string): number | null =>
    (families && sampleValue(families, name)) ?? null;
  const flagged = (name: string) => predictors.filter((p) => (gauge(p, name) ?? 0) > 0).length;
  return {
    oldestUnfinishedSeconds: gauge(gateway, M.oldestUnfinished),
    outboxBacklogBytes: gauge(gateway, M.outboxBacklogBytes),
    topologyMismatch:
      (gauge(gateway, M.topologyMismatch) ?? 0) > 0 || flagged(M.topologyMismatch) > 0,
    stalledPredictors: flagged(M.consumerStalled),
    pausedPredictors: flagged(M.consumerPaused),
  };
}
