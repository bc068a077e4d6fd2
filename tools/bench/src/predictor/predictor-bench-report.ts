import { median } from '@sibyl/loadtest';
import type { PredictorRunResult } from './predictor-bench-run';

/** A saved predictor bench. */
export interface PredictorBenchReport {
  command: string;
  machine: string;
  at: string;
  runs: PredictorRunResult[];
}

type Figure = (run: PredictorRunResult) => number;

const FIGURES: Array<{ label: string; read: Figure; digits: number }> = [
  { label: 'backlog worked off, results/s', read: (r) => r.backlogPerSecond, digits: 0 },
  { label: 'predictor CPU per result, ms', read: (r) => r.cpuMsPerResult, digits: 3 },
  { label: 'at the fixed rate: publish→stored p50, ms', read: (r) => r.latencyMs.p50, digits: 1 },
  { label: 'at the fixed rate: publish→stored p99, ms', read: (r) => r.latencyMs.p99, digits: 1 },
  { label: 'at the fixed rate: mean batch size', read: (r) => r.meanBatchAtRate, digits: 1 },
];

/**
 * A Markdown table: per figure, every run of each variant, the medians and the ratio
 * adaptive ÷ classic of the medians.
 */
export function renderPredictorBench(report: PredictorBenchReport): string {
  const of = (variant: string): PredictorRunResult[] =>
    report.runs.filter((r) => r.variant === variant);
  const adaptive = of('adaptive');
  const classic = of('classic');
  const fmt = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '–');
  const rows = FIGURES.map(({ label, read, digits }) => {
    const a = median(adaptive.map(read)) ?? NaN;
    const c = median(classic.map(read)) ?? NaN;
    const runs = (list: PredictorRunResult[]): string =>
      list.map((r) => fmt(read(r), digits)).join(', ');
    return `| ${label} | ${fmt(a, digits)} (${runs(adaptive)}) | ${fmt(c, digits)} (${runs(classic)}) | ${fmt(a / c, 2)} |`;
  });
  return [
    `Command: \`${report.command}\` (${report.at}, ${report.machine}).`,
    '',
    '| figure | adaptive + pipelined: median (runs) | classic: median (runs) | ratio adaptive ÷ classic |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
