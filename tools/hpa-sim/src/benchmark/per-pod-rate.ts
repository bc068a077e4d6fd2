import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the per-predictor throughput driving the simulation came from. */
export interface PerPodRate {
  /** Messages per second one predictor completes. */
  rate: number;
  source: string;
  detail: string;
}

/** The fields of a tools/loadtest JSON report (reports/loadtest/*.json) this tool reads. */
interface LoadReportExtract {
  tool?: string;
  label?: string;
  startedAt?: string;
  config?: { spawn?: { predictors?: number; prefetch?: number } | null };
  completion?: { verified?: boolean; completedPerSecondSustained?: number | null; lost?: number };
  queue?: { peakDepth?: number | null };
  processes?: Array<{ name: string; averagePercent: number | null }>;
  verdict?: { ok: boolean };
}

/** The predictor's default PREFETCH: what one predictor holds in flight when a run does not say. */
const DEFAULT_PREFETCH = 256;

/**
 * How many times what the predictors hold in flight the queue must have held for the run to count
 * as saturating them: a queue that only ever held the prefetched messages means the predictors kept
 * up, and their completion rate is the load's, not their capacity.
 */
export const BACKLOG_FACTOR = 4;

/**
 * The per-predictor throughput of one load-test report, or a reason it has none. Only a verified,
 * passing run that spawned its predictors and kept a real backlog (peak queue depth above
 * {@link BACKLOG_FACTOR} × what the predictors hold in flight) measured their capacity:
 * rate = sustained completions/s / predictors.
 */
export function rateFromReport(report: LoadReportExtract, file: string): PerPodRate | string {
  const predictors = report.config?.spawn?.predictors ?? 0;
  const sustained = report.completion?.completedPerSecondSustained ?? 0;
  if (report.tool !== 'sibyl-loadtest') return 'not a sibyl-loadtest report';
  if (!report.verdict?.ok || !report.completion?.verified) return 'not a verified, passing run';
  if (predictors < 1 || !(sustained > 0))
    return 'no spawned predictors or no sustained completion rate';
  const inFlight = predictors * (report.config?.spawn?.prefetch ?? DEFAULT_PREFETCH);
  if (!((report.queue?.peakDepth ?? 0) > BACKLOG_FACTOR * inFlight))
    return `the queue never backed up beyond ${BACKLOG_FACTOR} × the ${inFlight} messages the predictors hold in flight, so they were not saturated`;
  const cpu = (report.processes ?? [])
    .filter((p) => /predictor/.test(p.name))
    .map((p) => `${p.name} ${Math.round(p.averagePercent ?? 0)} %`);
  return {
    rate: sustained / predictors,
    source: file,
    detail:
      `"${report.label}" ${report.startedAt}: ${sustained.toFixed(0)} completions/s sustained by ${predictors} predictors` +
      (cpu.length ? ` (CPU of one core: ${cpu.join(', ')})` : ''),
  };
}

/** The newest usable report of `dir` (names start with yyyymmdd-hhmmss), with the reasons others were skipped. */
export function newestMeasuredRate(dir: string): { rate?: PerPodRate; skipped: string[] } {
  if (!existsSync(dir)) return { skipped: [`${dir} does not exist`] };
  const skipped: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse();
  for (const file of files) {
    const path = join(dir, file);
    let report: LoadReportExtract;
    try {
      report = JSON.parse(readFileSync(path, 'utf8')) as LoadReportExtract;
    } catch (error) {
      skipped.push(`${path}: ${(error as Error).message}`);
      continue;
    }
    const result = rateFromReport(report, path);
    if (typeof result !== 'string') return { rate: result, skipped };
    skipped.push(`${path}: ${result}`);
  }
  return { skipped };
}
