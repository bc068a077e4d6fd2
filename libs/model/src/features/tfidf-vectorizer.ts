import { TextNormalization } from '../text/text-normalizer';
import { Alphabet } from './alphabet';
import { FeatureKeyExtractor, FeatureSpec, WORD_KEY_OFFSET } from './feature-keys';
import { KeyTable, type KeyTableState } from './key-table';
import { SparseMatrix, SparseMatrixBuilder } from './sparse-matrix';
import { TextFeatureKeys } from './text-feature-keys';

/** Everything that defines the features of a text. */
export interface VectorizerOptions extends FeatureSpec {
  normalization: TextNormalization;
  /** Use 1 + ln(tf) instead of the raw count (scikit-learn `sublinear_tf`). */
  sublinearTf: boolean;
  /** Drop features found in fewer training texts than this (scikit-learn `min_df`). */
  minDf: number;
  /** Factor applied to word features before the L2 norm (1 = same footing as n-grams). */
  wordWeight: number;
}

/** Progress of a long vectorizer operation. */
export interface VectorizerProgress {
  phase: 'vocabulary' | 'vectors';
  done: number;
  total: number;
}

/** Reusable output of {@link TfidfVectorizer.vectorize}. */
export interface SparseVectorBuffer {
  indices: Int32Array;
  values: Float32Array;
}

/** A {@link TfidfVectorizer} as plain data (structured-clonable, arrays transferable). */
export interface VectorizerState {
  options: VectorizerOptions;
  codePoints: Int32Array;
  keys: Float64Array;
  idf: Float32Array;
  table: KeyTableState;
}

const PROGRESS_EVERY = 20000;

/**
 * TF-IDF over character n-grams (and optionally words), L2-normalized, with the
 * semantics of scikit-learn's `TfidfVectorizer(analyzer='char', norm='l2', use_idf=True,
 * smooth_idf=True)`: tf = occurrences in the text (or 1 + ln tf when sublinear),
 * idf = ln((1 + n) / (1 + df)) + 1, value = tf · idf scaled to unit Euclidean length.
 */
export class TfidfVectorizer {
  /** Feature key → feature index. */
  readonly table: KeyTable;
  private readonly features: TextFeatureKeys;
  private readonly counts: Int32Array;
  private touched: Int32Array = new Int32Array(1024);
  /** Word keys sort after every n-gram key, so word features form the tail of the index. */
  readonly firstWordIndex: number;

  constructor(
    readonly options: VectorizerOptions,
    readonly alphabet: Alphabet,
    /** Feature keys, ascending; feature index = position. */
    readonly keys: Float64Array,
    readonly idf: Float32Array,
    /** The key table of `keys` when already built (e.g. in a worker thread); built here otherwise. */
    table?: KeyTable,
  ) {
    if (keys.length !== idf.length) throw new RangeError('keys and idf differ in length');
    this.table = table ?? KeyTable.fromKeys(keys);
    this.features = new TextFeatureKeys(options.normalization, options, alphabet);
    this.counts = new Int32Array(keys.length);
    this.firstWordIndex = firstWordIndexOf(keys);
  }

  /** Rewraps a vectorizer exported by {@link state} (its key table is not rebuilt). */
  static fromState(state: VectorizerState): TfidfVectorizer {
    return new TfidfVectorizer(
      state.options,
      Alphabet.fromCodePoints(state.codePoints),
      state.keys,
      state.idf,
      KeyTable.fromState(state.table),
    );
  }

  /** This vectorizer as plain data (shares its arrays). */
  state(): VectorizerState {
    return {
      options: this.options,
      codePoints: this.alphabet.codePoints(),
      keys: this.keys,
      idf: this.idf,
      table: this.table.state(),
    };
  }

  /** Number of features (columns). */
  get featureCount(): number {
    return this.keys.length;
  }

  /** TF-IDF rows of `texts`. */
  transform(
    texts: readonly string[],
    onProgress?: (progress: VectorizerProgress) => void,
  ): SparseMatrix {
    const builder = new SparseMatrixBuilder(texts.length, texts.length * 64);
    const buffer: SparseVectorBuffer = {
      indices: new Int32Array(256),
      values: new Float32Array(256),
    };
    for (let d = 0; d < texts.length; d++) {
      const nnz = this.vectorize(texts[d], buffer);
      builder.addRow(buffer.indices, buffer.values, nnz);
      if (onProgress && (d % PROGRESS_EVERY === 0 || d === texts.length - 1)) {
        onProgress({ phase: 'vectors', done: d + 1, total: texts.length });
      }
    }
    return builder.build(this.featureCount);
  }

  /** Whether the text last given to {@link vectorize} contained a letter. */
  get lastHadLetter(): boolean {
    return this.features.hadLetter;
  }

  /**
   * Writes the TF-IDF vector of `text` into `out` (grown as needed).
   * @returns the number of non-zero entries; 0 when no feature is known.
   */
  vectorize(text: string, out: SparseVectorBuffer): number {
    const count = this.features.extract(text, false);
    const keys = this.features.keys;
    const counts = this.counts;
    if (this.touched.length < count) this.touched = new Int32Array(count * 2);
    const touched = this.touched;
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      const index = this.table.get(keys[i]);
      if (index < 0) continue;
      if (counts[index] === 0) touched[distinct++] = index;
      counts[index]++;
    }
    if (out.indices.length < distinct) {
      out.indices = new Int32Array(distinct * 2);
      out.values = new Float32Array(distinct * 2);
    }
    const { sublinearTf, wordWeight } = this.options;
    const firstWordIndex = this.firstWordIndex;
    let squares = 0;
    for (let i = 0; i < distinct; i++) {
      const index = touched[i];
      const tf = sublinearTf ? 1 + Math.log(counts[index]) : counts[index];
      counts[index] = 0;
      const value = tf * this.idf[index] * (index >= firstWordIndex ? wordWeight : 1);
      out.indices[i] = index;
      out.values[i] = value;
      squares += value * value;
    }
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    for (let i = 0; i < distinct; i++) out.values[i] *= scale;
    return distinct;
  }

  /** Feature index of a character n-gram (of normalized text), or -1. */
  indexOfNgram(ngram: string): number {
    const key = FeatureKeyExtractor.ngramKey(ngram, this.alphabet);
    return key < 0 ? -1 : this.table.get(key);
  }

  /** Feature index of a word, or -1. */
  indexOfWord(word: string): number {
    return this.table.get(FeatureKeyExtractor.wordKey(word));
  }
}

function firstWordIndexOf(keys: Float64Array): number {
  const wordKeyFloor = WORD_KEY_OFFSET;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] < wordKeyFloor) low = mid + 1;
    else high = mid;
  }
  return low;
}
