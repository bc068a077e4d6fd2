import type { OpsSample } from '../../../src/sampler/ops-sample';

/** Language codes of the synthetic samples (a realistic spread, not every language). */
const CODES = ['en', 'de', 'fr', 'es', 'sv', 'fi', 'ar', 'ru', 'zh', 'ja', 'pt', 'it'];

/**
 * A deterministic, plausible {@link OpsSample} for index `i` of a run sampled every `intervalMs` from `start`:
 * waves of load, a backlog that builds and drains, latency that follows it. Used by the chart benchmark so every
 * chart has moving values in every series.
 */
export function syntheticSample(i: number, start: number, intervalMs: number): OpsSample {
  const wave = (period: number, phase = 0) => (1 + Math.sin((i + phase) / period)) / 2;
  const submitted = 400 * wave(17) + 20 * wave(3);
  const ready = Math.round(5000 * Math.max(0, wave(29) - 0.4));
  const p50 = 0.02 + 0.3 * wave(29);
  return {
    at: start + i * intervalMs,
    intervalSeconds: 5,
    queue: {
      ready,
      unacked: Math.round(256 * wave(7)),
      consumers: 2 + Math.round(2 * wave(41)),
      deadLettered: Math.floor(i / 50),
      outboxBacklog: Math.round(30 * wave(11, 5)),
      publishRate: submitted,
      deliverRate: submitted * 0.97,
    },
    throughput: {
      submittedPerSecond: submitted,
      completedPerSecond: submitted * 0.97,
      failedPerSecond: i % 37 === 0 ? 1 : 0,
    },
    latency: { p50, p95: p50 * 2.5, p99: p50 * 4, observations: Math.round(submitted * 5) },
    languages: Object.fromEntries(CODES.map((code, c) => [code, (i + 1) * (CODES.length - c)])),
    deadLetterReasons: {},
    modelVersions: ['bench'],
    gateway: { up: true },
    predictors: [{ up: true, url: 'http://127.0.0.1:9/metrics', modelVersion: 'bench' }],
    reliability: {
      oldestUnfinishedSeconds: Math.round(60 * wave(29)),
      outboxBacklogBytes: Math.round(30 * wave(11, 5)) * 1024,
      topologyMismatch: false,
      stalledPredictors: 0,
      pausedPredictors: 0,
    },
    alerts: [],
  };
}
