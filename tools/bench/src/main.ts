import { workspaceRoot } from '@sibyl/testing';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { wholeNumber } from '@sibyl/cli-options';
import { runChartsCli } from './charts/charts-cli';
import { runGatewayCli } from './gateway/gateway-cli';
import { SYSTEMS, runModelBench } from './model/model-bench';
import { runSpeedComparison } from './model/interleaved-speed';
import { runTune } from './model/tune';
import { runLongPollCli } from './longpoll/longpoll-cli';
import { runPipelineCli } from './pipeline/pipeline-cli';
import { runProfileCli } from './profile/profile-cli';
import { runDatabaseCli } from './database/database-cli';
import { runFillCli } from './database/fill-cli';
import { runSwapCli } from './swap/swap-cli';
import { runPairLeversCli } from './pair-levers/pair-levers-cli';

const PREVIOUS_MODEL_FILE = 'models/langid/langid-v1.model';

const USAGE = `usage: npm run bench -- <model|tune|pair-levers|pipeline|gateway|longpoll|charts|database|fill|swap|profile> [options]

  pair-levers  close-pair levers of issue 13 on top of a trained model, errors per pair (\`--help\`)
  longpoll  clients that submit and long-poll each id: p50/p99 submit→answer per stack (\`--help\`)
  database  FerretDB backends and settings: insert throughput, reads by id over a million results (\`--help\`)
  fill      store N realistic results and their requests in a database, fast (\`--help\`)
  charts    dashboard chart bench: bundle size and update cost in Chromium (\`--help\`)
  pipeline  end-to-end pipeline benchmark (see \`npm run bench -- pipeline --help\`)
  swap      model hot swap under load: failed/lost, p99 during swaps, switch time (\`--help\`)
  gateway   gateway alone: accepted/s and CPU per accepted, builds side by side (\`--help\`)
  profile   where a process's CPU goes: a --cpu-prof profile split by part of the request path (\`--help\`)
  model   [--systems sibyl,sibyl-v1,sklearn,cld,fasttext,franc] [--no-train] [--repeats 5] [--no-write]

  model   compares the language identification model with v1 (models/langid/langid-v1.model,
          trained without pair stages when missing), the scikit-learn reference pipeline,
          CLD2, fastText lid.176 and franc-all on the UDHR sets, each in its own process, and writes
          the "Language identification model" section of BENCHMARKS.md.
          --no-train  reuse models/langid/langid.model and tmp/bench/langid/sklearn-pipeline.pkl
  speed   [MODEL_FILE ...]  (default: models/langid/langid-v1.model models/langid/langid.model)
          sentences per CPU-second of each model, passes interleaved in one process: comparable
          on a shared machine, where wall-clock rates of separate runs are not.
  tune    [--corpus DIR] [--max-lines-per-lang N] [--label L] --set '{"C":0.5}' [--set ...]
          trains one model per --set (overrides of the training options) and prints accuracy,
          close-pair F1, size, speed and training time; records go to tmp/bench/langid/tune.jsonl.`;

/** The benches that parse their own options (`npm run bench -- <name> --help`). */
const SUBCOMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  charts: (args) => runChartsCli(workspaceRoot(), args),
  swap: runSwapCli,
  database: runDatabaseCli,
  fill: runFillCli,
  longpoll: runLongPollCli,
  gateway: (args) => runGatewayCli(workspaceRoot(), args),
  pipeline: runPipelineCli,
  'pair-levers': (args) => runPairLeversCli(workspaceRoot(), args),
  profile: runProfileCli,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'tune') return tune(args);
  if (command === 'speed') {
    const root = workspaceRoot();
    const models = args.length > 0 ? args : [PREVIOUS_MODEL_FILE, 'models/langid/langid.model'];
    runSpeedComparison(
      models.map((model) => resolve(root, model)),
      join(root, 'data/eval/udhr-sentences.jsonl'),
    );
    return 0;
  }
  const subcommand =
    command !== undefined && Object.hasOwn(SUBCOMMANDS, command) ? SUBCOMMANDS[command] : undefined;
  if (subcommand) {
    await subcommand(args);
    return 0;
  }
  if (command !== 'model') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({
    args,
    options: {
      systems: { type: 'string' },
      'no-train': { type: 'boolean' },
      repeats: { type: 'string' },
      'no-write': { type: 'boolean' },
    },
  });
  const systems = values.systems ? values.systems.split(',') : SYSTEMS.map((s) => s.key);
  const unknown = systems.filter((s) => !SYSTEMS.some((spec) => spec.key === s));
  if (unknown.length > 0) throw new Error(`unknown system(s): ${unknown.join(', ')}`);
  const repeats = wholeNumber('repeats', values.repeats, 5, 1);
  await runModelBench({
    root: workspaceRoot(),
    systems,
    train: !values['no-train'],
    repeats,
    write: !values['no-write'],
    command: `npm run bench -- ${argv.join(' ')}`,
  });
  return 0;
}

async function tune(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      corpus: { type: 'string' },
      'max-lines-per-lang': { type: 'string' },
      set: { type: 'string', multiple: true },
      label: { type: 'string' },
    },
  });
  const root = workspaceRoot();
  const variants = values.set ?? ['{}'];
  for (const [i, json] of variants.entries()) {
    await runTune({
      root,
      corpus: resolve(root, values.corpus ?? 'data/corpus'),
      maxLinesPerLanguage: values['max-lines-per-lang']
        ? Number(values['max-lines-per-lang'])
        : undefined,
      overrides: JSON.parse(json),
      label: `${values.label ?? 'tune'}#${i + 1} ${json}`,
    });
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = 1;
  },
);
