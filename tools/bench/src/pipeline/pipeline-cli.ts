import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine } from '@sibyl/cli-options';
import { renderPipelineBlock, writeBenchmarksSection } from './benchmarks-section';
import { runPipelineBench } from './pipeline-bench';
import { PipelineBenchResult } from './pipeline-bench-result';
import { fileTime, writeBenchReport } from '../bench-report-file';

export const PIPELINE_HELP = `Pipeline throughput/latency bench (issue 6). CPU-heavy: minutes of full load on every core.

Usage: npx tsx tools/bench/src/pipeline/main.ts [options]
  --duration S             target run (1 gateway + 2 predictors, batching on), default 60
  --comparison-duration S  batch-size-1 / one-predictor / batch-submit runs, default 30
  --fixed-rate N           requests/s of the latency run, default 500
  --fixed-rate-duration S  default 60
  --http-duration S        gateway-alone Express/Fastify runs, default 20
  --ceiling-duration S     raw broker ceiling, default 30
  --completion-timeout S   after each load, how long accepted ids may take to complete, default 120
  --profile S              extra run with --cpu-prof of S seconds, summarised in the section (default 20; 0 = none)
  --quick                  every duration 10 s (smoke run)
  --only IDS               comma-separated: ceiling, e2e-1p-bs1, e2e-1p-bs64, e2e-1p-bs64-classic, e2e-2p-bs1,
                           e2e-2p-bs64, e2e-2p-bs64-classic, e2e-2p-bs64-batch20, fixed-500, fixed-500-classic,
                           http-express, http-fastify (…-classic: BATCH_MODE=fixed BATCH_PIPELINE=off, i.e. before
                           adaptive batching and pipelining)
  --database URI           every run uses this database as it is (e.g. one holding a million results from
                           \`npm run bench -- fill\`) instead of a fresh private FerretDB each
  --no-write               do not touch BENCHMARKS.md
  --benchmarks FILE        default BENCHMARKS.md
  --render FILE            only re-render the section from a saved reports/bench/pipeline-*.json
Results: the "Pipeline throughput and latency" section of BENCHMARKS.md and reports/bench/pipeline-<time>.json.
`;

/** Runs the pipeline bench with command-line arguments (`npm run bench -- pipeline …` or this folder's main.ts). */
export async function runPipelineCli(argv: string[]): Promise<void> {
  const values = parseCommandLine(
    argv,
    {
      duration: { type: 'string', default: '60' },
      'comparison-duration': { type: 'string', default: '30' },
      'fixed-rate': { type: 'string', default: '500' },
      'fixed-rate-duration': { type: 'string', default: '60' },
      'http-duration': { type: 'string', default: '20' },
      'ceiling-duration': { type: 'string', default: '30' },
      'completion-timeout': { type: 'string', default: '120' },
      profile: { type: 'string', default: '20' },
      quick: { type: 'boolean' },
      only: { type: 'string' },
      database: { type: 'string' },
      'no-write': { type: 'boolean' },
      benchmarks: { type: 'string', default: 'BENCHMARKS.md' },
      render: { type: 'string' },
    },
    PIPELINE_HELP,
  );
  if (!values) return;
  if (values.render) {
    const saved = JSON.parse(readFileSync(values.render, 'utf8')) as PipelineBenchResult;
    writeBenchmarksSection(
      join(process.cwd(), values.benchmarks as string),
      renderPipelineBlock(saved),
    );
    process.stderr.write(`re-rendered ${values.benchmarks} from ${values.render}\n`);
    return;
  }
  const seconds = (v: string | undefined): number => (values.quick ? 10 : Number(v));
  const root = process.cwd();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const result = await runPipelineBench({
    root,
    command: ['npx tsx tools/bench/src/pipeline/main.ts', ...argv].join(' '),
    durations: {
      main: seconds(values.duration),
      comparison: seconds(values['comparison-duration']),
      fixedRate: seconds(values['fixed-rate-duration']),
      http: seconds(values['http-duration']),
    },
    ceilingSeconds: seconds(values['ceiling-duration']),
    fixedRate: Number(values['fixed-rate']),
    completionTimeoutSeconds: Number(values['completion-timeout']),
    only: (values.only ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    profileSeconds: values.quick ? Math.min(10, Number(values.profile)) : Number(values.profile),
    rabbitUrl: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/sibyl',
    database: values.database,
    log,
  });
  const jsonPath = writeBenchReport(root, `pipeline-${fileTime(result.startedAt)}`, result);
  log(`results: ${jsonPath}`);
  const block = renderPipelineBlock(result);
  if (!values['no-write']) {
    writeBenchmarksSection(join(root, values.benchmarks as string), block);
    log(`updated ${values.benchmarks} (section "Pipeline throughput and latency")`);
  } else process.stdout.write(`${block}\n`);
}
