import { join } from 'node:path';
import { parseCommandLine, positiveNumber } from '@sibyl/cli-options';
import { writeSection } from '../benchmarks-file';
import { runSwapBench } from './swap-bench';
import { renderSwapSection, SWAP_SECTION } from './swap-report';
import { fileTime, writeBenchReport } from '../bench-report-file';

export const SWAP_HELP = `Model hot swap bench (issue 11): promotes and rolls back a model under load.

Usage: npm run bench -- swap [options]   (build first: npx nx run-many -t build -p gateway predictor)
  --rate N          requests/s of the open-model load, default 500
  --predictors N    default 2
  --cycles N        promote + rollback cycles, default 3
  --warmup S        default 10
  --steady S        steady-state window before the first swap, default 20
  --gap S           pause after each swap, default 10
  --model FILE      the live model at the start, default models/langid/langid.model
  --candidate FILE  the model promoted; default: the live model re-encoded with other stored metrics
  --dist DIR        the built apps to run (gateway/, predictor/), default dist/apps (e.g. another commit's build)
  --no-write        print the section instead of writing BENCHMARKS.md
Results: the "${SWAP_SECTION}" section of BENCHMARKS.md and reports/bench/swap-<time>.json.
`;

/** `npm run bench -- swap …`. */
export async function runSwapCli(argv: string[]): Promise<void> {
  const values = parseCommandLine(
    argv,
    {
      rate: { type: 'string', default: '500' },
      predictors: { type: 'string', default: '2' },
      cycles: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '10' },
      steady: { type: 'string', default: '20' },
      gap: { type: 'string', default: '10' },
      model: { type: 'string', default: 'models/langid/langid.model' },
      candidate: { type: 'string' },
      dist: { type: 'string', default: 'dist/apps' },
      'no-write': { type: 'boolean' },
    },
    SWAP_HELP,
  );
  if (!values) return;
  const root = process.cwd();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const result = await runSwapBench({
    root,
    command: ['npm run bench -- swap', ...argv].join(' '),
    rate: positiveNumber('rate', values.rate),
    predictors: positiveNumber('predictors', values.predictors),
    cycles: positiveNumber('cycles', values.cycles),
    warmupSeconds: positiveNumber('warmup', values.warmup),
    steadySeconds: positiveNumber('steady', values.steady),
    gapSeconds: positiveNumber('gap', values.gap),
    modelPath: values.model,
    candidatePath: values.candidate,
    distDir: values.dist,
    rabbitUrl: process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/sibyl',
    log,
  });
  const json = writeBenchReport(root, `swap-${fileTime(result.startedAt)}`, result);
  log(`results: ${json}`);
  const body = renderSwapSection(result);
  if (values['no-write']) process.stdout.write(`${body}\n`);
  else {
    writeSection(join(root, 'BENCHMARKS.md'), SWAP_SECTION, body);
    log(`updated BENCHMARKS.md (section "${SWAP_SECTION}")`);
  }
}
