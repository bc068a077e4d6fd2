import { startPrivateFerretDb } from '@sibyl/loadtest';
import { workspaceRoot } from '@sibyl/testing';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine, positiveNumber, wholeNumber } from '@sibyl/cli-options';
import { renderPredictorBench } from './predictor-bench-report';
import { PredictorRunResult, PredictorVariant, runPredictorVariant } from './predictor-bench-run';
import { fileTime, writeBenchReport } from '../bench-report-file';

const HELP = `Predictor-side batching bench (issue 12): one predictor, no gateway, each variant in turn.

Usage: npx tsx tools/bench/src/predictor/main.ts [--backlog N] [--rate N] [--duration S] [--rounds N]
  --backlog N    messages published at once and worked off (throughput, CPU per result), default 20000
  --rate N       fixed publish rate of the latency phase, default 500
  --duration S   seconds of the latency phase, default 20
  --rounds N     rounds; the variants alternate within each round, medians over rounds, default 2
Variants: adaptive (BATCH_MODE=adaptive BATCH_PIPELINE=on, the default) and classic (BATCH_MODE=fixed
BATCH_PIPELINE=off, the behaviour before issue 12); both BATCH_MAX_SIZE=64 BATCH_MAX_WAIT_MS=5 PREFETCH=256.
Each run gets a fresh private FerretDB. Prints a Markdown block; JSON in reports/bench/predictor-<time>.json.
`;

const VARIANTS: PredictorVariant[] = [
  { name: 'adaptive', env: { BATCH_MODE: 'adaptive', BATCH_PIPELINE: 'on' } },
  { name: 'classic', env: { BATCH_MODE: 'fixed', BATCH_PIPELINE: 'off' } },
];

/** Runs the bench: rounds × variants, each on a fresh private FerretDB. */
async function main(argv: string[]): Promise<void> {
  const values = parseCommandLine(
    argv,
    {
      backlog: { type: 'string', default: '20000' },
      rate: { type: 'string', default: '500' },
      duration: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '2' },
    },
    HELP,
  );
  if (!values) return;
  const root = workspaceRoot();
  if (!existsSync(join(root, 'dist/apps/predictor/main.js')))
    throw new Error('dist/apps/predictor/main.js missing: run `npx nx build predictor` first');
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const texts = readFileSync(join(root, 'data/eval/udhr-sentences.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  mkdirSync(join(root, 'tmp/bench'), { recursive: true });
  const runs: PredictorRunResult[] = [];
  const rounds = wholeNumber('rounds', values.rounds, undefined, 1);
  for (let round = 1; round <= rounds; round++) {
    for (const variant of VARIANTS) {
      log(`[round ${round}/${rounds}] ${variant.name}…`);
      const db = await startPrivateFerretDb(log);
      try {
        const result = await runPredictorVariant(variant, {
          root,
          rabbitUrl: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
          db,
          backlog: wholeNumber('backlog', values.backlog),
          rate: positiveNumber('rate', values.rate),
          seconds: positiveNumber('duration', values.duration),
          texts,
          log,
        });
        log(`  ${JSON.stringify(result)}`);
        runs.push(result);
      } finally {
        await db.stop();
      }
    }
  }
  const command = ['npx tsx tools/bench/src/predictor/main.ts', ...argv].join(' ');
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`;
  const report = { command, machine, at: new Date().toISOString(), runs };
  const file = writeBenchReport(root, `predictor-${fileTime(report.at)}`, report);
  log(`results: ${file}`);
  process.stdout.write(renderPredictorBench(report) + '\n');
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`predictor bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
