import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ModelParts, decodeModel, encodeModel } from '../artifact/model-codec';
import { softmaxInPlace } from '../calibration/softmax-temperature';
import { SparseVectorBuffer, TfidfVectorizer } from '../features/tfidf-vectorizer';
import { UNDETERMINED } from '../languages/languages';
import { decisionValues } from '../svm/linear-model';
import { PairClassifier, PairStageIndex, applyPairStages } from '../pairs/pair-classifier';
import { FastScorer, type FastScorerState } from './fast-scorer';
import type { ModelState } from './model-state';
import {
  DEFAULT_TOP_N,
  LanguagePrediction,
  LanguageScore,
  PredictOptions,
} from './language-prediction';
import { ModelInfo } from '../artifact/model-info';

/** Where `npm run langid -- train` writes the model, relative to the workspace root. */
export const DEFAULT_MODEL_PATH = 'models/langid/langid.model';

/**
 * Identifies the language of a text with a character n-gram TF-IDF linear SVM, then lets a
 * pairwise second stage settle the order of the two best languages when they are a
 * confusable pair the model has a stage for (see `PairClassifier`).
 * Instances are immutable and not shared across threads; `predict` is synchronous.
 */
export class LanguageIdentifier {
  private readonly scores: Float64Array;
  private readonly buffer: SparseVectorBuffer = {
    indices: new Int32Array(256),
    values: new Float32Array(256),
  };
  private readonly fast: FastScorer | null;
  private readonly pairStages: PairStageIndex[];

  /**
   * Wraps trained parts; use {@link load} or {@link fromBuffer} for a saved model.
   * @param fast the tables of the fast scorer when already built (see {@link fromState})
   */
  constructor(
    private readonly parts: ModelParts,
    fast?: FastScorerState | null,
  ) {
    this.scores = new Float64Array(parts.linear.classCount);
    this.pairStages = parts.pairs.map((classifier) => ({
      classifier,
      first: parts.info.classes.indexOf(classifier.languages[0]),
      second: parts.info.classes.indexOf(classifier.languages[1]),
    }));
    this.fast = FastScorer.supports(parts.vectorizer)
      ? new FastScorer(parts.vectorizer, parts.linear, fast ?? undefined)
      : null;
  }

  /**
   * Rewraps a model exported by {@link state} (typically decoded in a worker thread and posted
   * back): nothing is decompressed, verified or rebuilt, so this takes about a millisecond.
   */
  static fromState(state: ModelState): LanguageIdentifier {
    const parts: ModelParts = {
      info: state.info,
      temperature: state.temperature,
      vectorizer: TfidfVectorizer.fromState(state.vectorizer),
      linear: state.linear,
      pairs: state.pairs.map((pair) => PairClassifier.fromState(pair)),
    };
    return new LanguageIdentifier(parts, state.fast);
  }

  /**
   * Reads and verifies a model file.
   * @throws ModelFormatError when the file is foreign, corrupted or of another format version;
   *   the file system's error (e.g. ENOENT) when it cannot be read
   */
  static async load(path: string): Promise<LanguageIdentifier> {
    return LanguageIdentifier.fromBuffer(await readFile(checkPath(path)));
  }

  /** Synchronous {@link load}. */
  static loadSync(path: string): LanguageIdentifier {
    return LanguageIdentifier.fromBuffer(readFileSync(checkPath(path)));
  }

  /** Parses a model from the bytes of a model file. */
  static fromBuffer(bytes: Uint8Array): LanguageIdentifier {
    if (!(bytes instanceof Uint8Array))
      throw new TypeError('fromBuffer expects a Buffer or Uint8Array');
    return new LanguageIdentifier(decodeModel(bytes));
  }

  /** Identity, provenance, hyper-parameters and evaluation metrics of the model. */
  get info(): ModelInfo {
    return this.parts.info;
  }

  /** Labels the model can return (besides `und`). */
  get classes(): readonly string[] {
    return this.parts.info.classes;
  }

  /** The confusable pairs this model settles with a second stage, e.g. `[['hr', 'sr']]`. */
  get pairs(): ReadonlyArray<readonly [string, string]> {
    return this.parts.pairs.map((pair) => pair.languages);
  }

  /** Number of features (n-grams and words) in the vocabulary. */
  get featureCount(): number {
    return this.parts.linear.featureCount;
  }

  /**
   * Most likely language of `text` with calibrated confidence and the best candidates.
   * Empty text, text without letters, or text sharing no feature with the model gives `und`.
   * @throws TypeError when `text` is not a string; RangeError for a bad `topN`
   */
  predict(text: string, options?: PredictOptions): LanguagePrediction {
    if (typeof text !== 'string')
      throw new TypeError(`predict expects a string, got ${describe(text)}`);
    return this.classify(text, this.topN(options));
  }

  /**
   * {@link predict} for many texts, in order.
   * @throws TypeError when `texts` is not an array of strings
   */
  predictMany(texts: readonly string[], options?: PredictOptions): LanguagePrediction[] {
    if (!Array.isArray(texts))
      throw new TypeError(`predictMany expects an array, got ${describe(texts)}`);
    texts.forEach((text, i) => {
      if (typeof text !== 'string')
        throw new TypeError(`predictMany: item ${i} is ${describe(text)}, not a string`);
    });
    const topN = this.topN(options);
    return texts.map((text) => this.classify(text, topN));
  }

  /**
   * This model as plain data with its built tables ({@link ModelState}). The state shares this
   * model's arrays: once they are transferred to another thread, this instance is unusable.
   */
  state(): ModelState {
    const { info, temperature, vectorizer, linear, pairs } = this.parts;
    return {
      info,
      temperature,
      vectorizer: vectorizer.state(),
      linear,
      fast: this.fast?.state() ?? null,
      pairs: pairs.map((pair) => pair.state()),
    };
  }

  /** A copy of this model with other metrics (e.g. after evaluating it on more data). */
  withMetrics(metrics: ModelInfo['metrics']): LanguageIdentifier {
    return new LanguageIdentifier({ ...this.parts, info: { ...this.parts.info, metrics } });
  }

  /**
   * This model's main stage alone (no pair stages): the model a pair stage is measured
   * against, whose best two candidates are the main model's own order.
   */
  withoutPairStages(): LanguageIdentifier {
    return new LanguageIdentifier({ ...this.parts, pairs: [] });
  }

  /** The model file's bytes. */
  toBuffer(): Buffer {
    return encodeModel(this.parts);
  }

  /** Writes the model file atomically (temporary file + rename), creating directories. */
  async save(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, this.toBuffer());
    await rename(temporary, path);
  }

  private classify(text: string, topN: number): LanguagePrediction {
    const { temperature, info } = this.parts;
    const scores = this.scores;
    if (!this.decide(text, scores)) return undetermined();
    softmaxInPlace(scores, temperature);
    applyPairStages(this.pairStages, text, scores);
    const top = topScores(scores, info.classes, topN);
    return { language: top[0].language, confidence: top[0].score, top };
  }

  /** Decision values of `text` into `scores`; false when the text is undeterminable. */
  private decide(text: string, scores: Float64Array): boolean {
    if (this.fast) return this.fast.score(text, scores) > 0 && this.fast.hadLetter;
    const { vectorizer, linear } = this.parts;
    const nnz = vectorizer.vectorize(text, this.buffer);
    if (nnz === 0 || !vectorizer.lastHadLetter) return false;
    decisionValues(linear, this.buffer.indices, this.buffer.values, nnz, scores);
    return true;
  }

  private topN(options: PredictOptions | undefined): number {
    const topN = options?.topN ?? DEFAULT_TOP_N;
    if (!Number.isInteger(topN) || topN < 1 || topN > this.classes.length) {
      throw new RangeError(
        `topN must be an integer from 1 to ${this.classes.length}, got ${String(topN)}`,
      );
    }
    return topN;
  }
}

/** The `und` answer. */
function undetermined(): LanguagePrediction {
  return { language: UNDETERMINED, confidence: 0, top: [] };
}

/** The `count` best classes by probability, best first (ties keep class order). */
function topScores(
  probabilities: Float64Array,
  classes: readonly string[],
  count: number,
): LanguageScore[] {
  const best: number[] = [];
  for (let k = 0; k < probabilities.length; k++) {
    const p = probabilities[k];
    if (best.length === count && p <= probabilities[best[count - 1]]) continue;
    if (best.length < count) best.push(k);
    else best[count - 1] = k;
    for (let i = best.length - 1; i > 0 && probabilities[best[i - 1]] < p; i--) {
      best[i] = best[i - 1];
      best[i - 1] = k;
    }
  }
  return best.map((k) => ({ language: classes[k], score: probabilities[k] }));
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function checkPath(path: unknown): string {
  if (typeof path !== 'string' || path.length === 0)
    throw new TypeError('model path must be a non-empty string');
  return path;
}
