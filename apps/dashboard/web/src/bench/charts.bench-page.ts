import type { WebConfigView } from '../api/web-config.client';
import { OpsCharts } from '../ops/ops-charts';
import type { OpsSample } from '../ops/ops.stream';
import { syntheticSample } from './synthetic-samples';

/** What the benchmark driver asks for. */
export interface ChartBenchOptions {
  /** Samples in the window (the server's SAMPLE_HISTORY_SIZE). */
  historySize: number;
  /** Sampling interval in ms (the server's SAMPLE_INTERVAL_MS); only sets the time axis. */
  sampleIntervalMs: number;
  /** Measured updates after the warm-up. */
  updates: number;
  warmup: number;
}

/** Milliseconds of main-thread work per update: first (cold) update, then one per measured update. */
export interface ChartBenchResult {
  firstUpdateMs: number;
  updateMs: number[];
}

declare global {
  interface Window {
    benchCharts: (options: ChartBenchOptions) => Promise<ChartBenchResult>;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Runs one chart update like the live page does for a new sample (full window) and returns its main-thread cost:
 * the update, the microtasks it queued (where a library may defer its drawing) and the style/layout it caused.
 */
async function timedUpdate(charts: OpsCharts, samples: readonly OpsSample[]): Promise<number> {
  const start = performance.now();
  charts.update(samples);
  await Promise.resolve();
  document.body.getBoundingClientRect();
  return performance.now() - start;
}

/**
 * Chart benchmark page: the operations page's markup with {@link OpsCharts} fed synthetic samples, one update per
 * animation frame. Driven by tools/bench (`npm run bench -- charts`).
 */
window.benchCharts = async (options) => {
  const config: WebConfigView = {
    backlogAlertThreshold: 1000,
    sampleIntervalMs: options.sampleIntervalMs,
    historySize: options.historySize,
    languages: {},
  };
  const start = Date.now() - options.historySize * options.sampleIntervalMs;
  const sample = (i: number) => syntheticSample(i, start, options.sampleIntervalMs);
  const samples = Array.from({ length: options.historySize }, (_, i) => sample(i));
  const charts = new OpsCharts(config);
  await nextFrame();
  const firstUpdateMs = await timedUpdate(charts, samples);
  const updateMs: number[] = [];
  for (let n = 0; n < options.warmup + options.updates; n++) {
    await nextFrame();
    samples.push(sample(options.historySize + n));
    samples.shift();
    const ms = await timedUpdate(charts, samples);
    if (n >= options.warmup) updateMs.push(ms);
  }
  return { firstUpdateMs, updateMs };
};
