import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAmqpCeiling } from '../amqp-ceiling/amqp-ceiling';
import { summarizeCpuProfileFile } from './cpu-profile-summary';
import { loadtestCommand, runLoadtest } from './loadtest-child';
import { machineInfo } from './machine-info';
import { PipelineBenchResult, ScenarioRun } from './pipeline-bench-result';
import { databaseArgs, pipelineScenarios, ScenarioDurations } from './scenarios';

/** Options of {@link runPipelineBench}. */
export interface PipelineBenchOptions {
  root: string;
  command: string;
  durations: ScenarioDurations;
  ceilingSeconds: number;
  fixedRate: number;
  /** Seconds after the load within which accepted ids must complete. */
  completionTimeoutSeconds: number;
  /** Run only these scenario ids (and the ceiling if 'ceiling' is listed); empty = all. */
  only: string[];
  /** Seconds of an extra profiled run (2 predictors, batch 64, --cpu-prof); 0 = none. */
  profileSeconds: number;
  rabbitUrl: string;
  mongoUri: string;
  /** One database for every run, used as it is (e.g. filled by `npm run bench -- fill`); default a private one per run. */
  database?: string;
  log: (line: string) => void;
}

/**
 * Runs the whole pipeline bench in one go: the raw broker ceiling, then every
 * scenario through the load tool (each spawning its own stack), then optionally a
 * profiled run, and returns all figures.
 */
export async function runPipelineBench(
  options: PipelineBenchOptions,
): Promise<PipelineBenchResult> {
  const { root, log } = options;
  for (const entry of ['dist/apps/gateway/main.js', 'dist/apps/predictor/main.js']) {
    if (!existsSync(join(root, entry)))
      throw new Error(`${entry} missing: run \`npx nx build gateway predictor\` first`);
  }
  const startedAt = new Date().toISOString();
  const machine = await machineInfo(options.rabbitUrl, options.mongoUri);
  log(
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.rabbitmq}; ${machine.database}`,
  );
  const wanted = (id: string): boolean => options.only.length === 0 || options.only.includes(id);

  const ceilingCommand = `npx tsx tools/bench/src/amqp-ceiling/main.ts --duration ${options.ceilingSeconds} --window 1000 --prefetch 256 --body-bytes 250`;
  let ceiling: PipelineBenchResult['ceiling'] = null;
  let ceilingError: string | undefined;
  if (wanted('ceiling')) {
    log(`[1] raw broker ceiling, ${options.ceilingSeconds} s…`);
    try {
      ceiling = await runAmqpCeiling({
        rabbitUrl: options.rabbitUrl,
        durationMs: options.ceilingSeconds * 1000,
        window: 1000,
        prefetch: 256,
        bodyBytes: 250,
        log: (line) => log(`  ${line}`),
      });
      log(
        `  ceiling: ${ceiling.publishedPerSecond}/s published, ${ceiling.consumedPerSecond}/s consumed`,
      );
    } catch (error) {
      ceilingError = (error as Error).message;
      log(`  ceiling failed: ${ceilingError}`);
    }
  }

  const runs: ScenarioRun[] = [];
  const scenarios = pipelineScenarios(
    options.durations,
    options.fixedRate,
    options.completionTimeoutSeconds,
    options.database,
  ).filter((s) => wanted(s.id));
  for (const [i, scenario] of scenarios.entries()) {
    const label = `bench ${scenario.id}`;
    const command = loadtestCommand(scenario.args, label);
    log(`[${i + 2}/${scenarios.length + 1}] ${scenario.title}: ${command}`);
    try {
      const summary = await runLoadtest(root, scenario.args, label, log);
      const c = summary.completion;
      log(
        `  → accepted ${Math.round(summary.submit.acceptedPerSecond)}/s, completed ${Math.round(c.completedPerSecondSustained ?? 0)}/s sustained, ` +
          `lost ${c.lost}, dup ${c.duplicated}, submit→done p99 ${c.submitToDoneMs.p99 ?? '–'} ms${summary.verdict.ok ? '' : `; FAIL: ${summary.verdict.failures.join('; ')}`}`,
      );
      runs.push({ scenario, command, summary });
    } catch (error) {
      log(`  failed: ${(error as Error).message}`);
      runs.push({ scenario, command, summary: null, error: (error as Error).message });
    }
  }

  let profile: PipelineBenchResult['profile'] = null;
  if (options.profileSeconds > 0) {
    const args = [
      '--spawn',
      ...databaseArgs(options.database),
      '--predictors',
      '2',
      '--batch-size',
      '64',
      '--concurrency',
      '64',
      '--duration',
      String(options.profileSeconds),
      '--completion-timeout',
      String(options.completionTimeoutSeconds),
      '--cpu-prof',
    ];
    const command = loadtestCommand(args, 'bench profile');
    log(`[profile] ${command}`);
    try {
      const summary = await runLoadtest(root, args, 'bench profile', log);
      const dir = summary.config.runDir ? join(summary.config.runDir, 'profiles') : null;
      const files =
        dir && existsSync(dir)
          ? readdirSync(dir)
              .filter((f) => f.endsWith('.cpuprofile'))
              .sort()
          : [];
      profile = {
        command,
        processes: files.map((f) => ({
          name: f.replace(/\.cpuprofile$/, ''),
          summary: summarizeCpuProfileFile(join(dir as string, f)),
        })),
      };
      if (files.length === 0)
        log('  no profiles were written (did the apps exit cleanly on SIGTERM?)');
    } catch (error) {
      log(`  profile run failed: ${(error as Error).message}`);
    }
  }
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    command: options.command,
    database: options.database,
    machine,
    ceiling,
    ceilingError,
    ceilingCommand,
    runs,
    profile,
  };
}
