import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_FEEDBACK_WEIGHT,
  DEFAULT_TRAINING_OPTIONS,
  FeedbackTrainingSet,
  trainLanguageIdentifier,
} from '@sibyl/model/training';
import { gitCommit } from '@sibyl/testing';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { positiveNumber, wholeNumber } from '@sibyl/cli-options';
import { CliIo, UsageError } from '../cli-io';
import { readCorpus } from '../corpus/corpus-reader';
import { readFeedbackSamples } from '../evaluation/labelled-texts';
import { evaluateUdhr } from '../evaluation/udhr-metrics';
import { formatReport } from '../evaluation/report-text';
import { ProgressReporter } from '../terminal/progress-reporter';
import { defaultPaths } from '../workspace-paths';

/**
 * Lines per language the model trains on by default (the corpus stores them in seeded random
 * order, so this is a random sample). It evens the languages out — Malay, the thinnest major
 * one, has 6.8k lines — and more lines did not help on the held-out UDHR (BENCHMARKS.md).
 */
export const DEFAULT_LINES_PER_LANGUAGE = 6000;

/** Usage line of `train`. */
export const TRAIN_USAGE =
  `train [--corpus DIR] [--output|--out|--model PATH] [--C 1] [--seed 42] [--max-lines-per-lang ${DEFAULT_LINES_PER_LANGUAGE}, 0 = all]\n` +
  '        [--class-weighting none|balanced] [--weights int8|float32] [--threads N] [--eval-dir DIR] [--verbose]\n' +
  '        [--no-pair-stages]   (the v1 model: no second stage for hr/sr and da/nb)\n' +
  `        [--with-feedback FEEDBACK.jsonl [--feedback-weight ${DEFAULT_FEEDBACK_WEIGHT}]]   (verified feedback from models export-feedback)`;

/**
 * `train`: reads the committed corpus, trains with a progress display, evaluates on the
 * held-out split and the UDHR sets (when `data/eval` has them), stores those metrics in the
 * model and writes it (default `models/langid/langid.model`).
 */
export async function trainCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      corpus: { type: 'string' },
      output: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string' },
      C: { type: 'string', short: 'C' },
      seed: { type: 'string' },
      'max-lines-per-lang': { type: 'string' },
      'class-weighting': { type: 'string' },
      weights: { type: 'string' },
      'eval-dir': { type: 'string' },
      threads: { type: 'string' },
      verbose: { type: 'boolean' },
      'no-pair-stages': { type: 'boolean' },
      'with-feedback': { type: 'string' },
      'feedback-weight': { type: 'string' },
    },
  });
  const feedback = await feedbackSet(values['with-feedback'], values['feedback-weight']);
  const paths = defaultPaths(io.root);
  const output = resolve(values.output ?? values.out ?? values.model ?? paths.model);
  const maxLines =
    wholeNumber('max-lines-per-lang', values['max-lines-per-lang'], DEFAULT_LINES_PER_LANGUAGE) ||
    undefined;
  const progress = new ProgressReporter(io.stderr);
  const started = performance.now();
  const corpus = await readCorpus(resolve(values.corpus ?? paths.corpus), {
    onLanguage: (language, done, total) => progress.update('corpus', done, total, language),
  });
  progress.log(
    `corpus: ${corpus.samples.length} lines in ${Object.keys(corpus.linesPerLanguage).length} languages`,
  );
  if (feedback)
    progress.log(
      `feedback: ${feedback.set.samples.length} verified items, each weighted ${feedback.set.weight}× a corpus line`,
    );
  const result = await trainLanguageIdentifier(
    corpus.samples,
    {
      ...DEFAULT_TRAINING_OPTIONS,
      maxLinesPerLanguage: maxLines ?? 0,
      pairStages: values['no-pair-stages'] ? [] : DEFAULT_TRAINING_OPTIONS.pairStages,
      C: positiveNumber('C', values.C, DEFAULT_TRAINING_OPTIONS.C),
      seed: wholeNumber('seed', values.seed, DEFAULT_TRAINING_OPTIONS.seed) as number,
      classWeighting: choice(
        'class-weighting',
        values['class-weighting'],
        ['none', 'balanced'],
        DEFAULT_TRAINING_OPTIONS.classWeighting,
      ),
      weightEncoding: choice(
        'weights',
        values.weights,
        ['int8', 'float32'],
        DEFAULT_TRAINING_OPTIONS.weightEncoding,
      ),
      threads: Math.max(
        1,
        wholeNumber('threads', values.threads, DEFAULT_TRAINING_OPTIONS.threads) as number,
      ),
      corpusSha256: corpus.corpusSha256,
      // Recorded in model.info; `npm run models -- add` stores it as the registry provenance.
      provenance: {
        corpus: 'data/corpus',
        maxLinesPerLanguage: maxLines ?? null,
        commit: gitCommit(io.root),
        ...feedback?.provenance,
      },
      feedback: feedback?.set,
    },
    (p) => progress.update(p.phase, p.done, p.total, p.detail),
  );
  const trainSeconds = (performance.now() - started) / 1000;
  progress.log(formatReport('held-out split of the corpus', result.heldOut));
  const udhr = await evaluateUdhr(result.identifier, resolve(values['eval-dir'] ?? paths.evalDir));
  for (const evaluation of udhr) {
    progress.log(
      values.verbose
        ? formatReport(evaluation.file, evaluation.report)
        : summary(evaluation.name, evaluation.metrics),
    );
  }
  if (udhr.length === 0) progress.log('no UDHR evaluation sets found: skipped');
  const metrics = { ...result.identifier.info.metrics };
  for (const evaluation of udhr) metrics[evaluation.name] = evaluation.metrics;
  const identifier = result.identifier.withMetrics(metrics);
  await identifier.save(output);
  const timings = Object.entries(result.seconds)
    .map(([phase, s]) => `${phase} ${s.toFixed(1)}s`)
    .join(', ');
  io.stdout.write(
    `wrote ${output} (${(statSync(output).size / 1e6).toFixed(2)} MB, ${identifier.featureCount} features, ` +
      `version ${identifier.info.modelVersion}) in ${trainSeconds.toFixed(1)}s [${timings}]\n` +
      `held-out accuracy ${(result.heldOut.accuracy * 100).toFixed(2)}% (n=${result.heldOut.n})` +
      udhr.map((e) => `, ${e.name} ${(e.metrics.accuracy * 100).toFixed(2)}%`).join('') +
      '\n',
  );
  return 0;
}

/**
 * The verified feedback to train on (`--with-feedback`), weighted `--feedback-weight` times a
 * corpus line, and what the model records of it (file, SHA-256, items, weight).
 */
async function feedbackSet(
  file: string | undefined,
  weight: string | undefined,
): Promise<{ set: FeedbackTrainingSet; provenance: Record<string, string | number> } | undefined> {
  if (file === undefined) {
    if (weight !== undefined) throw new UsageError('--feedback-weight needs --with-feedback FILE');
    return undefined;
  }
  const path = resolve(file);
  const set = {
    weight: positiveNumber('feedback-weight', weight, DEFAULT_FEEDBACK_WEIGHT),
    samples: await readFeedbackSamples(path),
  };
  const sha256 = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  return {
    set,
    provenance: {
      feedbackFile: file,
      feedbackSha256: sha256,
      feedbackItems: set.samples.length,
      feedbackWeight: set.weight,
    },
  };
}

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function summary(name: string, metrics: Record<string, unknown>): string {
  const pct = (x: unknown) => (typeof x === 'number' ? `${(x * 100).toFixed(2)}%` : 'n/a');
  const f1 = (x: unknown) => (typeof x === 'number' ? x.toFixed(3) : 'n/a');
  return (
    `${name}: accuracy ${pct(metrics.accuracy)} (37 independent languages ${pct(metrics.accuracyIndependent)}), ` +
    `macro-F1 ${f1(metrics.macroF1)}, F1 ms ${f1(metrics.f1Ms)} id ${f1(metrics.f1Id)} ` +
    `hr ${f1(metrics.f1Hr)} sr ${f1(metrics.f1Sr)} nb ${f1(metrics.f1Nb)} da ${f1(metrics.f1Da)}, n=${String(metrics.n)}`
  );
}
