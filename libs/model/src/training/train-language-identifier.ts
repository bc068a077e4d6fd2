import { quantizeModel } from './weight-quantization';
import { fitTemperature } from '../calibration/softmax-temperature';
import { TfidfVectorizer } from '../features/tfidf-vectorizer';
import { fitTfidfVectorizer } from '../features/tfidf-fitting';
import { ClassificationReport, classificationReport } from '../evaluation/classification-report';
import { LanguageIdentifier } from '../identifier/language-identifier';
import { MODEL_NAME, ModelHyperParameters, ModelInfo } from '../artifact/model-info';
import { isLanguageCode } from '../languages/languages';
import { LinearModel, decisionValues } from '../svm/linear-model';
import { trainOneVsRestParallel } from '../svm/parallel-one-vs-rest';
import type { TrainingSample } from './held-out-split';
import { trainingSplit } from './training-split';
import { pruneZeroFeatures } from './feature-pruning';
import { languageBalanceWeights, withSerbianLatin } from './language-balance';
import { PairClassifier } from '../pairs/pair-classifier';
import { trainPairStage } from './pair-training';
import { TrainingOptions } from './training-options';
import { MODEL_FORMAT_VERSION } from '../artifact/model-codec';
import { defaultModelVersion } from './model-version-name';

/** Stages of training, in order. */
export type TrainingPhase = 'vocabulary' | 'vectors' | 'svm' | 'pairs' | 'calibration';

/** Progress callback payload. */
export interface TrainingProgress {
  phase: TrainingPhase;
  done: number;
  total: number;
  /** e.g. the language whose binary SVM just finished. */
  detail?: string;
}

/** What training produced. */
export interface TrainingResult {
  identifier: LanguageIdentifier;
  /** Evaluation on the held-out part of the corpus. */
  heldOut: ClassificationReport;
  /** Seconds spent per phase. */
  seconds: Record<string, number>;
  trainingSamples: number;
}

/**
 * Trains a language identifier: held-out split → TF-IDF fit → one-vs-rest squared-hinge
 * SVM → (int8 weights) → temperature calibration and evaluation on the held-out part.
 * Deterministic for given samples and options (except `createdAt`).
 * @throws RangeError for unknown labels, or fewer than two languages
 */
export async function trainLanguageIdentifier(
  samples: readonly TrainingSample[],
  options: TrainingOptions,
  onProgress?: (progress: TrainingProgress) => void,
): Promise<TrainingResult> {
  const feedback = options.feedback?.samples ?? [];
  const classes = checkLabels([...samples, ...feedback]);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const seconds: Record<string, number> = {};
  const timed = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    const result = run();
    seconds[name] = (performance.now() - start) / 1000;
    return result;
  };
  const timedAsync = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    seconds[name] = (performance.now() - start) / 1000;
    return result;
  };
  const { split, surplus } = trainingSplit(samples, options);
  const corpusTraining = options.serbianLatin ? withSerbianLatin(split.train) : split.train;
  const training = [...corpusTraining, ...feedback];
  const texts = training.map((s) => s.text);
  const labels = Int32Array.from(training, (s) => classIndex.get(s.language) as number);
  const fitted = timed('vectorize', () =>
    fitTfidfVectorizer(texts, options.vectorizer, (p) => onProgress?.({ ...p })),
  );
  const svm = {
    C: options.C,
    bias: 1,
    tolerance: options.tolerance,
    maxIterations: options.maxIterations,
    seed: options.seed,
    classCostFactors: classCostFactors(labels, classes.length, options),
    sampleWeights: withFeedbackWeight(
      languageBalanceWeights(
        labels,
        classes.length,
        options.languageBalance,
        options.maxLanguageWeight,
      ),
      labels.length,
      corpusTraining.length,
      options.feedback?.weight,
    ),
  };
  let linear = await timedAsync('svm', () =>
    trainOneVsRestParallel(fitted.matrix, labels, classes.length, svm, options.threads, (p) =>
      onProgress?.({
        phase: 'svm',
        done: p.done,
        total: p.total,
        detail: `${classes[p.classIndex]} (${p.iterations} passes${p.converged ? '' : ', not converged'})`,
      }),
    ),
  );
  let vectorizer = fitted.vectorizer;
  if (options.weightEncoding === 'int8') linear = quantizeModel(linear, options.int8DropBelow);
  if (options.weightEncoding === 'int8' && options.pruneZeroFeatures) {
    ({ vectorizer, linear } = pruneZeroFeatures(vectorizer, linear));
  }
  const pairs = timed('pairs', () =>
    trainPairStages([...split.train, ...surplus, ...feedback], classes, options, onProgress),
  );
  const heldOutTexts = split.heldOut.map((s) => s.text);
  const heldOutTruth = Int32Array.from(split.heldOut, (s) => classIndex.get(s.language) as number);
  const temperature = timed('calibration', () => {
    onProgress?.({ phase: 'calibration', done: 0, total: 1 });
    return fitTemperature(
      heldOutScores(vectorizer, linear, heldOutTexts),
      heldOutTruth,
      classes.length,
    );
  });
  const info = modelInfo(options, classes, pairs);
  let identifier = new LanguageIdentifier({ info, vectorizer, linear, temperature, pairs });
  const heldOut = timed('evaluation', () =>
    classificationReport(
      split.heldOut.map((s) => s.language),
      identifier.predictMany(heldOutTexts).map((p) => p.language),
    ),
  );
  identifier = identifier.withMetrics({
    heldOut: { n: heldOut.n, accuracy: heldOut.accuracy, macroF1: heldOut.macroF1 },
  });
  return { identifier, heldOut, seconds, trainingSamples: training.length };
}

/**
 * The per-sample weights with every sample from `feedbackStart` on (the feedback) multiplied by
 * `weight`; unchanged without feedback.
 */
function withFeedbackWeight(
  weights: Float32Array | undefined,
  count: number,
  feedbackStart: number,
  weight: number | undefined,
): Float32Array | undefined {
  if (weight === undefined || feedbackStart >= count) return weights;
  if (!(weight > 0)) throw new RangeError('feedback weight must be > 0');
  const result = weights ?? new Float32Array(count).fill(1);
  for (let i = feedbackStart; i < count; i++) result[i] *= weight;
  return result;
}

function checkLabels(samples: readonly TrainingSample[]): string[] {
  const labels = new Set<string>();
  for (const sample of samples) {
    if (typeof sample?.text !== 'string' || !isLanguageCode(sample.language)) {
      throw new RangeError(
        `training sample has an unknown language label: ${JSON.stringify(sample?.language)}`,
      );
    }
    labels.add(sample.language);
  }
  if (labels.size < 2) throw new RangeError('training needs samples of at least two languages');
  return [...labels].sort();
}

function classCostFactors(
  labels: Int32Array,
  classCount: number,
  options: TrainingOptions,
): number[] | undefined {
  if (options.classWeighting === 'none') return undefined;
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label]++;
  return counts.map((n) => (n === 0 ? 1 : labels.length / (classCount * n)));
}

function heldOutScores(
  vectorizer: TfidfVectorizer,
  linear: LinearModel,
  texts: string[],
): Float64Array {
  const matrix = vectorizer.transform(texts);
  const scores = new Float64Array(texts.length * linear.classCount);
  const row = new Float64Array(linear.classCount);
  for (let i = 0; i < texts.length; i++) {
    const start = matrix.indptr[i];
    const length = matrix.indptr[i + 1] - start;
    decisionValues(
      linear,
      matrix.indices.subarray(start),
      matrix.values.subarray(start),
      length,
      row,
    );
    scores.set(row, i * linear.classCount);
  }
  return scores;
}

/**
 * One naive Bayes second stage per configured pair whose languages both have samples, trained
 * on those two languages only. Serbian is taken in Latin spelling: the main model tells
 * Cyrillic apart by script, so the pair is only ever asked about Latin text.
 */
function trainPairStages(
  samples: readonly TrainingSample[],
  classes: readonly string[],
  options: TrainingOptions,
  onProgress?: (progress: TrainingProgress) => void,
): PairClassifier[] {
  const specs = options.pairStages.filter((spec) =>
    spec.languages.every((language) => classes.includes(language)),
  );
  return specs.map((spec, i) => {
    onProgress?.({
      phase: 'pairs',
      done: i,
      total: specs.length,
      detail: spec.languages.join('/'),
    });
    return trainPairStage(samples, spec, options.vectorizer);
  });
}

function modelInfo(
  options: TrainingOptions,
  classes: string[],
  pairs: readonly PairClassifier[],
): ModelInfo {
  const createdAt = options.createdAt ?? new Date();
  const hyperParameters: ModelHyperParameters = {
    vectorizer: options.vectorizer,
    svm: {
      C: options.C,
      loss: 'squared_hinge',
      penalty: 'l2',
      dual: true,
      multiClass: 'ovr',
      bias: 1,
      tolerance: options.tolerance,
      maxIterations: options.maxIterations,
      seed: options.seed,
      classWeighting: options.classWeighting,
      languageBalance: options.languageBalance,
      maxLanguageWeight: options.maxLanguageWeight,
    },
    training: {
      serbianLatin: options.serbianLatin,
      maxLinesPerLanguage: options.maxLinesPerLanguage,
      heldOutFraction: options.heldOutFraction,
      heldOutMaxPerLanguage: options.heldOutMaxPerLanguage,
      ...options.provenance,
    },
    weightEncoding: options.weightEncoding,
    pairStages: pairs.map((pair) => ({
      languages: [pair.languages[0], pair.languages[1]],
      method: 'naive-bayes' as const,
      alpha: options.pairStages.find((spec) => spec.languages[0] === pair.languages[0])?.alpha ?? 0,
      vectorizer: pair.vectorizer.options,
      features: pair.vectorizer.featureCount,
    })),
    int8DropBelow: options.int8DropBelow,
    pruneZeroFeatures: options.pruneZeroFeatures,
  };
  return {
    name: MODEL_NAME,
    formatVersion: MODEL_FORMAT_VERSION,
    modelVersion:
      options.modelVersion ?? defaultModelVersion(createdAt, options.corpusSha256, hyperParameters),
    createdAt: createdAt.toISOString(),
    corpusSha256: options.corpusSha256,
    classes,
    hyperParameters,
    metrics: {},
  };
}
