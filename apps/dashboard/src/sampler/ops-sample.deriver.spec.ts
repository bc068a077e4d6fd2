import type { QueueStatsView } from '@sibyl/contracts';
import { parsePrometheusText } from '@sibyl/observability';
import { deriveOpsSample } from './ops-sample.deriver';
import type { Scrape, ScrapeResult } from './scrape';

const queue = (ready: number, consumers = 1): ScrapeResult<QueueStatsView> => ({
  ok: true,
  value: {
    ready,
    unacked: 3,
    consumers,
    deadLettered: 2,
    publishRate: null,
    deliverRate: null,
    unavailable: [],
  },
});

function gatewayText(accepted: number): string {
  return [
    '# TYPE sibyl_requests_accepted_total counter',
    `sibyl_requests_accepted_total ${accepted}`,
    '# TYPE sibyl_outbox_backlog gauge',
    'sibyl_outbox_backlog 7',
  ].join('\n');
}

function predictorText(
  sv: number,
  failed: number,
  buckets: [number, number, number],
  version = 'm1',
): string {
  return [
    '# TYPE sibyl_predictions_completed_total counter',
    `sibyl_predictions_completed_total{language="sv",status="done"} ${sv}`,
    `sibyl_predictions_completed_total{language="und",status="failed"} ${failed}`,
    '# TYPE sibyl_prediction_latency_seconds histogram',
    `sibyl_prediction_latency_seconds_bucket{le="0.1"} ${buckets[0]}`,
    `sibyl_prediction_latency_seconds_bucket{le="1"} ${buckets[1]}`,
    `sibyl_prediction_latency_seconds_bucket{le="+Inf"} ${buckets[2]}`,
    'sibyl_prediction_latency_seconds_sum 1',
    `sibyl_prediction_latency_seconds_count ${buckets[2]}`,
    '# TYPE sibyl_dead_lettered_total counter',
    'sibyl_dead_lettered_total{reason="malformed"} 4',
    '# TYPE sibyl_model_info gauge',
    `sibyl_model_info{version="${version}",name="langid"} 1`,
  ].join('\n');
}

const ok = (text: string) => ({ ok: true as const, value: parsePrometheusText(text) });
const down = { ok: false as const, error: 'ECONNREFUSED' };

function scrape(at: number, parts: Partial<Scrape> = {}): Scrape {
  return { at, queue: queue(5), gatewayMetrics: ok(gatewayText(0)), predictors: [], ...parts };
}

describe('deriveOpsSample', () => {
  it('has figures but no rates for the first scrape', () => {
    const sample = deriveOpsSample(
      undefined,
      scrape(1000, { predictors: [{ url: 'p1', metrics: ok(predictorText(1, 0, [1, 1, 1])) }] }),
      100,
    );
    expect(sample.intervalSeconds).toBeNull();
    expect(sample.throughput).toEqual({
      submittedPerSecond: null,
      completedPerSecond: null,
      failedPerSecond: null,
    });
    expect(sample.queue).toMatchObject({
      ready: 5,
      unacked: 3,
      consumers: 1,
      deadLettered: 2,
      outboxBacklog: 7,
    });
    expect(sample.latency).toEqual({ p50: null, p95: null, p99: null, observations: 0 });
    expect(sample.modelVersions).toEqual(['m1']);
    expect(sample.alerts).toEqual([]);
  });

  it('derives rates, latency quantiles and totals over two predictors, one of which restarted', () => {
    const before = scrape(0, {
      gatewayMetrics: ok(gatewayText(100)),
      predictors: [
        { url: 'p1', metrics: ok(predictorText(50, 1, [40, 50, 50])) },
        { url: 'p2', metrics: ok(predictorText(500, 5, [500, 505, 505])) },
      ],
    });
    const after = scrape(2000, {
      gatewayMetrics: ok(gatewayText(140)),
      predictors: [
        { url: 'p1', metrics: ok(predictorText(60, 3, [40, 62, 62])) }, // +10 done, +2 failed, 12 in (0.1, 1]
        { url: 'p2', metrics: ok(predictorText(8, 0, [8, 8, 8], 'm2')) }, // restarted: 8 done, 8 in [0, 0.1]
      ],
    });
    const sample = deriveOpsSample(before, after, 100);
    expect(sample.intervalSeconds).toBe(2);
    expect(sample.throughput.submittedPerSecond).toBe(20);
    expect(sample.throughput.completedPerSecond).toBe((10 + 2 + 8) / 2);
    expect(sample.throughput.failedPerSecond).toBe(1);
    expect(sample.latency.observations).toBe(20);
    // 20 observations: 8 ≤ 0.1 s, 12 in (0.1, 1]; median rank 10 → 0.1 + 0.9 × 2/12.
    expect(sample.latency.p50).toBeCloseTo(0.1 + 0.9 * (2 / 12));
    expect(sample.latency.p99).toBeCloseTo(0.1 + 0.9 * (11.8 / 12));
    expect(sample.languages).toEqual({ sv: 68 });
    expect(sample.deadLetterReasons).toEqual({ malformed: 8 });
    expect(sample.modelVersions).toEqual(['m1', 'm2']);
  });

  it('falls back to the gateway gauges when /v1/queue fails', () => {
    const gauges = [
      'sibyl_queue_messages_ready 12',
      'sibyl_queue_messages_unacked 1',
      'sibyl_queue_consumers 2',
      'sibyl_dead_lettered_messages 0',
    ];
    const sample = deriveOpsSample(
      undefined,
      scrape(0, { queue: down, gatewayMetrics: ok(gauges.join('\n')) }),
      100,
    );
    expect(sample.queue).toMatchObject({
      ready: 12,
      unacked: 1,
      consumers: 2,
      deadLettered: 0,
      outboxBacklog: null,
    });
    expect(sample.gateway.up).toBe(true);
  });

  it('alerts on a backlog above the threshold and on no consumers', () => {
    const sample = deriveOpsSample(undefined, scrape(0, { queue: queue(101, 0) }), 100);
    expect(sample.alerts.map((a) => a.code)).toEqual(['backlog', 'no-consumers']);
    expect(sample.alerts[0].message).toContain('101');
    expect(deriveOpsSample(undefined, scrape(0, { queue: queue(100, 1) }), 100).alerts).toEqual([]);
  });

  it('alerts when the gateway and a predictor are unreachable, with no rates from missing scrapes', () => {
    const before = scrape(0, { predictors: [{ url: 'p1', metrics: down }] });
    const after = scrape(1000, {
      queue: down,
      gatewayMetrics: down,
      predictors: [{ url: 'p1', metrics: ok(predictorText(1, 0, [1, 1, 1])) }],
    });
    const gone = deriveOpsSample(undefined, before, 100);
    expect(gone.alerts.map((a) => a.code)).toEqual(['predictor-down']);
    const sample = deriveOpsSample(before, after, 100);
    expect(sample.throughput.submittedPerSecond).toBeNull();
    expect(sample.throughput.completedPerSecond).toBeNull();
    expect(sample.gateway).toEqual({ up: false, error: 'ECONNREFUSED' });
    expect(sample.alerts.map((a) => a.code)).toEqual(['gateway-down']);
    const noConsumer = deriveOpsSample(
      undefined,
      scrape(0, { queue: down, gatewayMetrics: down, predictors: [{ url: 'p1', metrics: down }] }),
      1,
    );
    expect(noConsumer.alerts.map((a) => a.code)).toEqual([
      'no-consumers',
      'gateway-down',
      'predictor-down',
    ]);
  });

  it('reports the self-healing signals: drift, stalled and paused predictors, the oldest unfinished request', () => {
    const gateway = [
      gatewayText(0),
      '# TYPE sibyl_topology_mismatch gauge',
      'sibyl_topology_mismatch 1',
      '# TYPE sibyl_oldest_unfinished_request_age_seconds gauge',
      'sibyl_oldest_unfinished_request_age_seconds 1200',
      '# TYPE sibyl_outbox_backlog_bytes gauge',
      'sibyl_outbox_backlog_bytes 4096',
    ].join('\n');
    const predictor = (stalled: number, paused: number) =>
      [
        predictorText(1, 0, [1, 1, 1]),
        '# TYPE sibyl_consumer_stalled gauge',
        `sibyl_consumer_stalled ${stalled}`,
        '# TYPE sibyl_consumer_paused gauge',
        `sibyl_consumer_paused ${paused}`,
      ].join('\n');
    const sample = deriveOpsSample(
      undefined,
      scrape(0, {
        gatewayMetrics: ok(gateway),
        predictors: [
          { url: 'p1', metrics: ok(predictor(1, 0)) },
          { url: 'p2', metrics: ok(predictor(0, 1)) },
        ],
      }),
      100,
    );
    expect(sample.reliability).toEqual({
      oldestUnfinishedSeconds: 1200,
      outboxBacklogBytes: 4096,
      topologyMismatch: true,
      stalledPredictors: 1,
      pausedPredictors: 1,
    });
    expect(sample.alerts.map((a) => a.code)).toEqual([
      'topology-mismatch',
      'consumer-stalled',
      'predictor-paused',
      'oldest-unfinished',
    ]);
  });
});
