import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileSummary, summarizeCpuProfileFile } from '../pipeline/cpu-profile-summary';
import { loadtestCommand, runLoadtest } from '../pipeline/loadtest-child';
import { GatewayVariant, variantLoadArgs } from './gateway-variant';

/** Options of {@link runGatewayBench}. */
export interface GatewayBenchOptions {
  root: string;
  variants: GatewayVariant[];
  /** Runs of each variant, interleaved (A B C A B C …) so a busy neighbour hits all alike. */
  repeats: number;
  seconds: number;
  concurrency: number;
  /** One extra profiled run per variant (`--cpu-prof`), summarised. */
  profile: boolean;
  log: (line: string) => void;
}

/** One run's figures. */
export interface GatewayRun {
  acceptedPerSecond: number;
  /** Gateway CPU milliseconds per accepted prediction. */
  cpuMsPerAccepted: number | null;
  /** Accepted predictions per gateway CPU-second: what one core would accept. */
  acceptedPerCoreSecond: number | null;
  non2xx: number;
  p99Ms: number | null;
}

/** A variant's runs and their medians. */
export interface GatewayVariantResult {
  variant: GatewayVariant;
  command: string;
  runs: GatewayRun[];
  median: GatewayRun;
  profile?: ProfileSummary;
}

/** Middle value of an odd list (lower middle of an even one); null when empty. */
function middle(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return known.length > 0 ? known[(known.length - 1) >> 1] : null;
}

function medianRun(runs: GatewayRun[]): GatewayRun {
  return {
    acceptedPerSecond: middle(runs.map((r) => r.acceptedPerSecond)) ?? 0,
    cpuMsPerAccepted: middle(runs.map((r) => r.cpuMsPerAccepted)),
    acceptedPerCoreSecond: middle(runs.map((r) => r.acceptedPerCoreSecond)),
    non2xx: middle(runs.map((r) => r.non2xx)) ?? 0,
    p99Ms: middle(runs.map((r) => r.p99Ms)),
  };
}

async function measure(
  options: GatewayBenchOptions,
  variant: GatewayVariant,
  profile: boolean,
): Promise<{ run: GatewayRun; runDir?: string }> {
  const args = variantLoadArgs(variant, options.seconds, options.concurrency, profile);
  const summary = await runLoadtest(options.root, args, `gateway ${variant.name}`, () => undefined);
  const accepted = summary.submit.predictionsAccepted;
  const cpuSeconds = summary.processes.find((p) => p.name === 'gateway')?.cpuSeconds ?? null;
  const non2xx = Object.entries(summary.submit.statusCounts)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    runDir: summary.config.runDir,
    run: {
      acceptedPerSecond: Math.round(summary.submit.acceptedPerSecond),
      cpuMsPerAccepted: cpuSeconds !== null && accepted > 0 ? (cpuSeconds * 1000) / accepted : null,
      acceptedPerCoreSecond: cpuSeconds ? Math.round(accepted / cpuSeconds) : null,
      non2xx,
      p99Ms: summary.httpLatencyMs.p99,
    },
  };
}

function profileOf(runDir: string | undefined): ProfileSummary | undefined {
  const dir = runDir ? join(runDir, 'profiles') : '';
  const file = join(dir, 'gateway.cpuprofile');
  return dir && existsSync(dir) && readdirSync(dir).includes('gateway.cpuprofile')
    ? summarizeCpuProfileFile(file, 15)
    : undefined;
}

/**
 * Gateway alone (no predictors): every variant under the same closed-loop load through the load
 * tool, `repeats` times interleaved, with the gateway's CPU time per accepted prediction read
 * from /proc; medians per variant, and optionally one profiled run each.
 */
export async function runGatewayBench(
  options: GatewayBenchOptions,
): Promise<GatewayVariantResult[]> {
  const results: GatewayVariantResult[] = options.variants.map((variant) => ({
    variant,
    command: loadtestCommand(
      variantLoadArgs(variant, options.seconds, options.concurrency, false),
      `gateway ${variant.name}`,
    ),
    runs: [],
    median: medianRun([]),
  }));
  for (let round = 1; round <= options.repeats; round++) {
    for (const result of results) {
      const { run } = await measure(options, result.variant, false);
      result.runs.push(run);
      options.log(
        `[${round}/${options.repeats}] ${result.variant.name}: ${run.acceptedPerSecond}/s accepted, ` +
          `${run.cpuMsPerAccepted?.toFixed(3) ?? '–'} gateway CPU ms each, ${run.acceptedPerCoreSecond ?? '–'}/s per core, non-2xx ${run.non2xx}`,
      );
    }
  }
  for (const result of results) {
    result.median = medianRun(result.runs);
    if (options.profile) {
      options.log(`[profile] ${result.variant.name}`);
      result.profile = profileOf((await measure(options, result.variant, true)).runDir);
    }
  }
  return results;
}
