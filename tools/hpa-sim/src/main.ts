import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { newestMeasuredRate, PerPodRate, rateFromReport } from './benchmark/per-pod-rate';
import { CliOptions, parseCliOptions, USAGE } from './cli/cli-options';
import { simulationChart } from './report/simulation-chart';
import { renderSvgChart } from './report/svg-chart';
import { recommendationLines, summaryLine } from './report/text-report';
import { simulate } from './simulation/queue-simulator';
import { searchMinReplicas, searchTarget } from './simulation/target-search';

/**
 * Fallback per-predictor throughput when no load-test report is available: see docs/SCALING.md
 * ("Where the per-predictor rate comes from") for the measurement behind it.
 */
export const DOCUMENTED_PER_POD_RATE: PerPodRate = {
  rate: 1000,
  source: 'docs/SCALING.md',
  detail: 'documented figure (no usable reports/loadtest/*.json found)',
};

/** Resolves the per-predictor rate: flag, explicit report, newest saturated report, documented figure. */
function resolveRate(options: CliOptions): PerPodRate {
  if (options.perPodRate !== undefined)
    return {
      rate: options.perPodRate,
      source: '--per-pod-rate',
      detail: 'given on the command line',
    };
  if (options.report) {
    const result = rateFromReport(JSON.parse(readFileSync(options.report, 'utf8')), options.report);
    if (typeof result === 'string') throw new Error(`${options.report}: ${result}`);
    return result;
  }
  const { rate, skipped } = newestMeasuredRate('reports/loadtest');
  skipped.forEach((reason) => console.log(`  skipped ${reason}`));
  return rate ?? DOCUMENTED_PER_POD_RATE;
}

/** Writes a file, creating its folder. */
function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function main(argv: string[]): void {
  const options = parseCliOptions(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const rate = resolveRate(options);
  console.log(
    `per-predictor rate: ${rate.rate.toFixed(1)} msg/s from ${rate.source} — ${rate.detail}`,
  );
  const params = { ...options.params, perPodRate: rate.rate };
  const result = simulate(params, options.latencyBoundSeconds);
  console.log(`simulated ${((result.timeline.at(-1)?.t ?? 0) / 60).toFixed(1)} min of traffic:`);
  console.log(`  ${summaryLine(result.summary)}`);
  if (options.search) {
    console.log(
      `searching the target that keeps the latency under ${options.latencyBoundSeconds} s:`,
    );
    const recommendation = searchTarget(params, options.latencyBoundSeconds, undefined, (s) =>
      console.log(`  ${summaryLine(s)}`),
    );
    recommendationLines(recommendation, rate.rate, params.hpa.tolerance).forEach((line) =>
      console.log(line),
    );
    if (recommendation.recommended === undefined) {
      const min = searchMinReplicas(
        params,
        options.latencyBoundSeconds,
        recommendation.steadyStateTarget,
      );
      console.log(
        min === undefined
          ? `even ${params.hpa.maxReplicas} warm replicas miss the bound: raise maxReplicas or the per-pod rate`
          : `with target ${recommendation.steadyStateTarget}, minReplicas ${min} (warm capacity) keeps the p99 under ${options.latencyBoundSeconds} s`,
      );
    }
  }
  if (options.svg) {
    write(
      options.svg,
      renderSvgChart(simulationChart(result, options.latencyBoundSeconds, rate.source)),
    );
    console.log(`chart written to ${options.svg}`);
  }
  if (options.json) {
    write(
      options.json,
      JSON.stringify({ rate, summary: result.summary, timeline: result.timeline }, null, 1) + '\n',
    );
    console.log(`timeline written to ${options.json}`);
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`hpa-sim: ${(error as Error).message}\n\n${USAGE}`);
  process.exitCode = 2;
}
