import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LanguageIdentifier, classificationReport } from '@sibyl/model';
import {
  DEFAULT_TRAINING_OPTIONS,
  TrainingOptions,
  TrainingSample,
  trainLanguageIdentifier,
} from '@sibyl/model/training';
import { independentAccuracy } from '@sibyl/langid-cli';
import { CLOSE_PAIR_LABELS } from './system-metrics';
import { cpuSeconds } from './cpu-time';

/** Options of {@link runTune}. */
export interface TuneOptions {
  root: string;
  corpus: string;
  maxLinesPerLanguage?: number;
  /** Overrides of the training options, e.g. `{"C": 0.5, "vectorizer": {"ngramMin": 2}}`. */
  overrides: Partial<TrainingOptions> & { vectorizer?: Partial<TrainingOptions['vectorizer']> };
  label: string;
}

interface Labelled {
  text: string;
  lang: string;
}

/** Every corpus line (the per-language cap is a training option: pair stages use all lines). */
function readCorpusSamples(dir: string): TrainingSample[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    languages: Record<string, { file: string }>;
  };
  const samples: TrainingSample[] = [];
  for (const language of Object.keys(manifest.languages).sort()) {
    const lines = gunzipSync(readFileSync(join(dir, manifest.languages[language].file)))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0);
    for (const text of lines) samples.push({ text, language });
  }
  return samples;
}

function readLabelled(path: string, languages: Set<string>): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled)
    .filter((item) => languages.has(item.lang));
}

/** Median sentences per CPU-second of `predictMany` over `texts` (5 passes after a warm-up). */
function throughput(model: LanguageIdentifier, texts: string[]): number {
  model.predictMany(texts);
  const rates: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const started = cpuSeconds();
    model.predictMany(texts);
    rates.push(texts.length / (cpuSeconds() - started));
  }
  return rates.sort((a, b) => a - b)[2];
}

/**
 * One tuning measurement: trains with the given overrides, then reports held-out and UDHR
 * accuracy (restricted to the corpus languages), close-pair F1, size, speed and training
 * time; appends the record to tmp/bench/langid/tune.jsonl.
 */
export async function runTune(options: TuneOptions): Promise<void> {
  const { maxLength, ...overrides } = options.overrides as TuneOptions['overrides'] & {
    maxLength?: number;
  };
  const samples = readCorpusSamples(options.corpus).filter(
    (s) => maxLength === undefined || s.text.length <= maxLength,
  );
  const languages = new Set(samples.map((s) => s.language));
  const trainingOptions: TrainingOptions = {
    ...DEFAULT_TRAINING_OPTIONS,
    maxLinesPerLanguage: options.maxLinesPerLanguage ?? 0,
    ...overrides,
    vectorizer: { ...DEFAULT_TRAINING_OPTIONS.vectorizer, ...overrides.vectorizer },
    corpusSha256: '0'.repeat(64),
  };
  const cpuStarted = cpuSeconds();
  const wallStarted = performance.now();
  let lastPhase = '';
  const result = await trainLanguageIdentifier(samples, trainingOptions, (p) => {
    const elapsed = ((performance.now() - wallStarted) / 1000).toFixed(0);
    if (p.phase === 'svm')
      process.stderr.write(
        `  ${options.label}: svm ${p.done}/${p.total} ${p.detail} [${elapsed}s]\n`,
      );
    else if (p.phase !== lastPhase)
      process.stderr.write(`  ${options.label}: ${p.phase} [${elapsed}s]\n`);
    lastPhase = p.phase;
  });
  const trainWall = (performance.now() - wallStarted) / 1000;
  const trainCpu = cpuSeconds() - cpuStarted;
  const model = result.identifier;
  const sets = ['udhr-sentences', 'udhr-paragraphs'].map((name) => {
    const items = readLabelled(join(options.root, `data/eval/${name}.jsonl`), languages);
    const expected = items.map((i) => i.lang);
    const predicted = model.predictMany(items.map((i) => i.text)).map((p) => p.language);
    return {
      name,
      items,
      report: classificationReport(expected, predicted),
      independent: independentAccuracy(expected, predicted),
    };
  });
  const [sentences, paragraphs] = sets;
  const record = {
    label: options.label,
    overrides: options.overrides,
    maxLinesPerLanguage: options.maxLinesPerLanguage ?? null,
    trainingSamples: result.trainingSamples,
    features: model.featureCount,
    artifactMb: model.toBuffer().length / 1e6,
    heldOut: result.heldOut.accuracy,
    sentences: sentences.independent,
    paragraphs: paragraphs.independent,
    sentenceMacroF1: sentences.report.macroF1,
    closePairF1: Object.fromEntries(
      CLOSE_PAIR_LABELS.map((l) => [l, sentences.report.perLanguage[l]?.f1 ?? null]),
    ),
    confusions: sentences.report.confusions
      .slice(0, 8)
      .map((c) => `${c.expected}>${c.predicted}:${c.count}`),
    sentencesPerCpuSecond: throughput(
      model,
      sentences.items.map((i) => i.text),
    ),
    trainWallSeconds: trainWall,
    trainCpuSeconds: trainCpu,
    phases: result.seconds,
  };
  mkdirSync(join(options.root, 'tmp/bench/langid'), { recursive: true });
  appendFileSync(join(options.root, 'tmp/bench/langid/tune.jsonl'), `${JSON.stringify(record)}\n`);
  process.stdout.write(
    `${options.label}: sentences ${(record.sentences * 100).toFixed(2)}% paragraphs ${(record.paragraphs * 100).toFixed(2)}% ` +
      `held-out ${(record.heldOut * 100).toFixed(2)}% | F1 ${CLOSE_PAIR_LABELS.map((l) => `${l} ${record.closePairF1[l]?.toFixed(3) ?? '-'}`).join(' ')} | ` +
      `${record.features} features ${record.artifactMb.toFixed(2)} MB | ${Math.round(record.sentencesPerCpuSecond)} sent/cpu-s | ` +
      `train ${trainWall.toFixed(0)}s wall ${trainCpu.toFixed(0)}s cpu ${JSON.stringify(result.seconds)}\n  errors: ${record.confusions.join(' ')}\n`,
  );
}
