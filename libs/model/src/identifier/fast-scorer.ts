import { Alphabet } from '../features/alphabet';
import {
  FNV_OFFSET_1,
  FNV_OFFSET_2,
  FNV_PRIME,
  RADIX,
  RADIX_SQUARED,
  SPACE,
  TWO_POW_32,
  WORD_HASH_HIGH_BITS,
} from '../features/feature-key-layout';
import { MAX_WORD_LENGTH, WORD_KEY_OFFSET } from '../features/feature-keys';
import type { TfidfVectorizer } from '../features/tfidf-vectorizer';
import type { LinearModel } from '../svm/linear-model';
import { LETTER, OTHER, letterClassOf } from '../text/letter-classes';
import { foldText } from '../text/text-normalizer';

const SEPARATOR = -1;
const LETTER_FLAG = 1 << 30;
const ID_MASK = LETTER_FLAG - 1;
const BMP_SIZE = 0x10000;
/** Int32/float32 slots per feature record (32 bytes). */
const RECORD = 8;

/**
 * The tables a {@link FastScorer} builds from its model, as plain data (structured-clonable, arrays
 * transferable); `recordInts` also backs the float slots of the records.
 */
export interface FastScorerState {
  charIds: Int32Array;
  unigramIndex: Int32Array;
  recordInts: Int32Array;
  packedRows: Int16Array | null;
}

/**
 * The prediction hot path: raw text → decision values in one pass, without building the
 * normalized string, the key list or the sparse vector. Equivalent to
 * `vectorizer.vectorize` + `decisionValues` for the `separate` normalization (checked by
 * tests); weights are read as int8 rows with a per-feature scale when the model has them.
 */
export class FastScorer {
  /** Whether the last scored text had a letter. */
  hadLetter = false;
  private readonly charIds: Int32Array;
  private readonly unigramIndex: Int32Array;
  private readonly spaceId: number;
  /** Per-feature records, {@link RECORD} slots each (see {@link buildRecords}). */
  private readonly recordInts: Int32Array;
  private readonly recordFloats: Float32Array;
  /** Int8 rows packed as `(class << 8) | (q & 0xff)`, one cache line per feature row. */
  private readonly packedRows: Int16Array | null;
  private touched = new Int32Array(1024);
  private values = new Float64Array(1024);

  /**
   * @param built the tables of this scorer exported by {@link state} (e.g. in a worker thread),
   *   taken as they are; built from `vectorizer` and `linear` when absent
   */
  constructor(
    private readonly vectorizer: TfidfVectorizer,
    private readonly linear: LinearModel,
    built: FastScorerState = buildTables(vectorizer, linear),
  ) {
    this.spaceId = vectorizer.alphabet.idOf(SPACE);
    this.charIds = built.charIds;
    this.unigramIndex = built.unigramIndex;
    this.recordInts = built.recordInts;
    const { buffer, byteOffset, length } = built.recordInts;
    this.recordFloats = new Float32Array(buffer, byteOffset, length);
    this.packedRows = built.packedRows;
  }

  /** The tables of this scorer as plain data (shares its arrays). */
  state(): FastScorerState {
    const { charIds, unigramIndex, recordInts, packedRows } = this;
    return { charIds, unigramIndex, recordInts, packedRows };
  }

  /** True when this scorer reproduces the vectorizer (it implements the `separate` rules only). */
  static supports(vectorizer: TfidfVectorizer): boolean {
    const o = vectorizer.options;
    return (
      o.normalization.nonLetters === 'separate' &&
      o.ngramMin <= 2 &&
      o.ngramMax >= 2 &&
      o.ngramMax <= 3
    );
  }

  /**
   * Writes the decision values of `text` into `scores`.
   * @returns the number of distinct known features (0 means nothing to go on)
   */
  score(text: string, scores: Float64Array): number {
    const { vectorizer, charIds, unigramIndex, spaceId } = this;
    const counts = this.recordInts;
    const table = vectorizer.table;
    const { ngramMin, ngramMax, wordUnigrams, normalization } = vectorizer.options;
    const wordBigrams = vectorizer.options.wordBigrams === true;
    const words = wordUnigrams || wordBigrams;
    const folded = foldText(text, normalization);
    if (this.touched.length < folded.length * 4 + 8) this.grow(folded.length * 4 + 8);
    const touched = this.touched;
    let distinct = 0;
    let previous = spaceId;
    let beforePrevious = -1;
    let lastWasSpace = true;
    let content = false;
    let letter = false;
    let wordLength = 0;
    let h1 = FNV_OFFSET_1;
    let h2 = FNV_OFFSET_2;
    // Hash of "previous word + space + this word so far"; valid while pairLive.
    let p1 = 0;
    let p2 = 0;
    let pairLive = false;
    for (let i = 0; i <= folded.length; i++) {
      let id: number;
      let code = SPACE;
      if (i === folded.length) {
        if (lastWasSpace) break;
        id = spaceId;
      } else {
        code = folded.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < folded.length) {
          const low = folded.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            i++;
          }
        }
        const entry = code < BMP_SIZE ? charIds[code] : charIdOf(code, vectorizer.alphabet);
        if (entry === SEPARATOR) {
          if (lastWasSpace) continue;
          id = spaceId;
          code = SPACE;
        } else {
          id = entry & ID_MASK;
          if (entry & LETTER_FLAG) letter = true;
        }
      }
      const isSpace = code === SPACE;
      lastWasSpace = isSpace;
      if (!isSpace) {
        content = true;
        if (ngramMin === 1 && id !== 0)
          distinct = tally(counts, touched, unigramIndex[id], distinct);
        if (words) {
          h1 = Math.imul(h1 ^ code, FNV_PRIME);
          h2 = Math.imul(h2 ^ code, FNV_PRIME) ^ (h2 >>> 15);
          if (pairLive) {
            p1 = Math.imul(p1 ^ code, FNV_PRIME);
            p2 = Math.imul(p2 ^ code, FNV_PRIME) ^ (p2 >>> 15);
          }
          wordLength++;
        }
      } else if (words) {
        const fits = wordLength > 0 && wordLength <= MAX_WORD_LENGTH;
        if (fits && wordUnigrams) {
          const key = WORD_KEY_OFFSET + (h1 & WORD_HASH_HIGH_BITS) * TWO_POW_32 + (h2 >>> 0);
          distinct = tally(counts, touched, table.get(key), distinct);
        }
        if (fits && wordBigrams && pairLive) {
          const key = WORD_KEY_OFFSET + (p1 & WORD_HASH_HIGH_BITS) * TWO_POW_32 + (p2 >>> 0);
          distinct = tally(counts, touched, table.get(key), distinct);
        }
        if (wordLength > 0) {
          pairLive = fits;
          p1 = Math.imul(h1 ^ SPACE, FNV_PRIME);
          p2 = Math.imul(h2 ^ SPACE, FNV_PRIME) ^ (h2 >>> 15);
        }
        wordLength = 0;
        h1 = FNV_OFFSET_1;
        h2 = FNV_OFFSET_2;
      }
      if (id !== 0 && previous !== 0) {
        const pair = previous * RADIX_SQUARED + id * RADIX;
        distinct = tally(counts, touched, table.get(pair), distinct);
        if (ngramMax === 3 && beforePrevious > 0) {
          const triple = beforePrevious * RADIX_SQUARED + previous * RADIX + id;
          distinct = tally(counts, touched, table.get(triple), distinct);
        }
      }
      beforePrevious = previous;
      previous = id;
    }
    this.hadLetter = letter;
    if (!content) {
      for (let t = 0; t < distinct; t++) counts[touched[t] * RECORD] = 0;
      return 0;
    }
    this.accumulate(distinct, scores);
    return distinct;
  }

  /** TF-IDF of the counted features, L2 norm, then w·x + b into `scores`; clears the counts. */
  private accumulate(distinct: number, scores: Float64Array): void {
    const { recordInts, recordFloats, touched, values, linear, packedRows } = this;
    const sublinearTf = this.vectorizer.options.sublinearTf;
    let squares = 0;
    for (let t = 0; t < distinct; t++) {
      const base = touched[t] * RECORD;
      const n = recordInts[base];
      recordInts[base] = 0;
      const tf = n === 1 ? 1 : sublinearTf ? 1 + Math.log(n) : n;
      const value = tf * recordFloats[base + 1];
      values[t] = value;
      squares += value * value;
    }
    const norm = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    const classes = linear.classCount;
    for (let k = 0; k < classes; k++) scores[k] = linear.intercepts[k];
    if (packedRows) {
      for (let t = 0; t < distinct; t++) {
        const base = touched[t] * RECORD;
        const value = values[t] * norm * recordFloats[base + 2];
        const end = recordInts[base + 4];
        for (let j = recordInts[base + 3]; j < end; j++) {
          const packed = packedRows[j];
          scores[packed >> 8] += value * ((packed << 24) >> 24);
        }
      }
      return;
    }
    const weights = linear.weights as Float32Array;
    for (let t = 0; t < distinct; t++) {
      const value = values[t] * norm;
      const base = touched[t] * classes;
      for (let k = 0; k < classes; k++) scores[k] += value * weights[base + k];
    }
  }

  private grow(size: number): void {
    this.touched = new Int32Array(size);
    this.values = new Float64Array(size);
  }
}

/** Counts one occurrence of feature `index` (ignored when -1); returns the new distinct count. */
function tally(records: Int32Array, touched: Int32Array, index: number, distinct: number): number {
  if (index < 0) return distinct;
  if (records[index * RECORD]++ === 0) touched[distinct++] = index;
  return distinct;
}

/**
 * Everything the scorer needs about a feature in one 32-byte record, so that a feature
 * costs one cache miss instead of one per array: [0] count in the current text (int32),
 * [1] idf × word weight (float32), [2] int8 row scale (float32), [3..4] row start/end (int32).
 */
/** The lookup tables of a {@link FastScorer}: code point ids, unigram features, feature records. */
function buildTables(vectorizer: TfidfVectorizer, linear: LinearModel): FastScorerState {
  const alphabet = vectorizer.alphabet;
  const charIds = new Int32Array(BMP_SIZE);
  for (let code = 0; code < BMP_SIZE; code++) charIds[code] = charIdOf(code, alphabet);
  const unigramIndex = new Int32Array(alphabet.size + 1).fill(-1);
  if (vectorizer.options.ngramMin === 1) {
    for (let id = 1; id <= alphabet.size; id++)
      unigramIndex[id] = vectorizer.table.get(id * RADIX_SQUARED);
  }
  const records = buildRecords(vectorizer, linear);
  return { charIds, unigramIndex, recordInts: records.ints, packedRows: records.packedRows };
}

function buildRecords(
  vectorizer: TfidfVectorizer,
  linear: LinearModel,
): { ints: Int32Array; floats: Float32Array; packedRows: Int16Array | null } {
  const buffer = new ArrayBuffer(vectorizer.featureCount * RECORD * 4);
  const ints = new Int32Array(buffer);
  const floats = new Float32Array(buffer);
  const { idf, firstWordIndex } = vectorizer;
  const wordWeight = vectorizer.options.wordWeight;
  const rows = linear.int8Rows;
  for (let f = 0; f < vectorizer.featureCount; f++) {
    const base = f * RECORD;
    floats[base + 1] = idf[f] * (f >= firstWordIndex ? wordWeight : 1);
    if (rows) {
      floats[base + 2] = rows.scales[f];
      ints[base + 3] = rows.starts[f];
      ints[base + 4] = rows.starts[f + 1];
    }
  }
  if (!rows) return { ints, floats, packedRows: null };
  const packedRows = new Int16Array(rows.values.length);
  for (let j = 0; j < packedRows.length; j++)
    packedRows[j] = (rows.classes[j] << 8) | (rows.values[j] & 0xff);
  return { ints, floats, packedRows };
}

/** Separator, or alphabet id (0 = unknown) with {@link LETTER_FLAG} for letters. */
function charIdOf(code: number, alphabet: Alphabet): number {
  if (code >= 0xd800 && code <= 0xdfff && code < BMP_SIZE) return SEPARATOR;
  const kind = letterClassOf(code);
  if (kind === OTHER) return SEPARATOR;
  return alphabet.idOf(code) | (kind === LETTER ? LETTER_FLAG : 0);
}
