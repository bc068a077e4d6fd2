import { LETTER, OTHER, letterClassOf } from '../text/letter-classes';
import { Alphabet } from './alphabet';
import * as layout from './feature-key-layout';

/** Which features are cut from a normalized text. */
export interface FeatureSpec {
  /** Shortest character n-gram (1–3). */
  ngramMin: number;
  /** Longest character n-gram (1–3). */
  ngramMax: number;
  /** Also count whole words (maximal runs of non-whitespace), at most {@link MAX_WORD_LENGTH} long. */
  wordUnigrams: boolean;
  /**
   * Also count pairs of adjacent words (their code points joined by one space, hashed like a
   * word); absent in models trained before this option existed, which means false.
   */
  wordBigrams?: boolean;
}

/** Longest n-gram an integer key can hold. */
export const MAX_NGRAM = 3;
/** Words longer than this many code points are not word features (e.g. unspaced Japanese). */
export const MAX_WORD_LENGTH = 32;
/** Word keys live above all n-gram keys (which are < 2^51). */
export const WORD_KEY_OFFSET = 2 ** 51;
const INITIAL_BUFFER = 1024;
/** Largest code point of one UTF-16 unit; a larger one is read from a surrogate pair. */
const MAX_BMP = 0xffff;

/**
 * Cuts a text into integer feature keys, one per occurrence.
 * A character n-gram (c1, c2, c3) of alphabet ids packs exactly as
 * c1·R² + c2·R + c3 with R = 2^17 (missing positions are 0); n-grams containing a
 * character outside the alphabet are skipped (they cannot be in the vocabulary).
 * The lone space is not a unigram feature (it says nothing about the language).
 * A word packs as 2^51 + a 51-bit FNV-1a hash of its code points.
 * The extractor reuses its buffers: read `keys[0..count)` before the next call.
 */
export class FeatureKeyExtractor {
  /** Output buffer; valid up to the count returned by the last extraction. */
  keys = new Float64Array(INITIAL_BUFFER);
  /** Whether the last text given to {@link extractSeparated} contained a letter (`\p{L}`). */
  hadLetter = false;
  private ids = new Int32Array(INITIAL_BUFFER);
  private points = new Int32Array(INITIAL_BUFFER);

  constructor(private readonly spec: FeatureSpec) {
    if (!(spec.ngramMin >= 1 && spec.ngramMin <= spec.ngramMax && spec.ngramMax <= MAX_NGRAM)) {
      throw new RangeError(`n-gram range must satisfy 1 <= min <= max <= ${MAX_NGRAM}`);
    }
  }

  /**
   * Keys of an already normalized text, taken as is. With `learn`, unseen characters are
   * added to `alphabet`; otherwise they map to id 0 and their n-grams are skipped.
   * @returns how many keys were written to {@link keys}.
   */
  extract(text: string, alphabet: Alphabet, learn: boolean): number {
    this.reserve(text.length + 2);
    let length = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i) as number;
      if (code > MAX_BMP) i++; // the low half of a surrogate pair
      this.points[length] = code;
      this.ids[length++] = learn ? alphabet.add(code) : alphabet.idOf(code);
    }
    return this.emit(length, alphabet);
  }

  /**
   * Fast path of the `separate` normalization, fused with extraction: `folded` has been
   * Unicode-normalized and lower-cased; every non-letter, non-mark code point becomes a
   * single space and the text is padded with spaces — exactly as `normalizeText` would,
   * without building the string. Sets {@link hadLetter}.
   * @returns how many keys were written to {@link keys}; 0 when only separators remain.
   */
  extractSeparated(folded: string, alphabet: Alphabet, learn: boolean): number {
    this.reserve(folded.length + 2);
    const ids = this.ids;
    const points = this.points;
    const spaceId = learn ? alphabet.add(layout.SPACE) : alphabet.idOf(layout.SPACE);
    let length = 1;
    ids[0] = spaceId;
    points[0] = layout.SPACE;
    let previousWasSpace = true;
    let letter = false;
    for (let i = 0; i < folded.length; i++) {
      const code = folded.codePointAt(i) as number;
      if (code > MAX_BMP) i++; // the low half of a surrogate pair
      const kind = letterClassOf(code);
      if (kind === OTHER) {
        if (!previousWasSpace) {
          ids[length] = spaceId;
          points[length++] = layout.SPACE;
          previousWasSpace = true;
        }
        continue;
      }
      if (kind === LETTER) letter = true;
      ids[length] = learn ? alphabet.add(code) : alphabet.idOf(code);
      points[length++] = code;
      previousWasSpace = false;
    }
    this.hadLetter = letter;
    if (length === 1) return 0;
    if (!previousWasSpace) {
      ids[length] = spaceId;
      points[length++] = layout.SPACE;
    }
    return this.emit(length, alphabet);
  }

  /** Key of one character n-gram (for tests and inspection); -1 if a character is unknown. */
  static ngramKey(ngram: string, alphabet: Alphabet): number {
    const ids = Array.from(ngram, (ch) => alphabet.idOf(ch.codePointAt(0) as number));
    if (ids.length < 1 || ids.length > MAX_NGRAM || ids.includes(0)) return -1;
    return ids[0] * layout.RADIX_SQUARED + (ids[1] ?? 0) * layout.RADIX + (ids[2] ?? 0);
  }

  /** Key of one word feature. */
  static wordKey(word: string): number {
    const points = Int32Array.from(Array.from(word, (ch) => ch.codePointAt(0) as number));
    return wordKeyOf(points, 0, points.length);
  }

  private reserve(length: number): void {
    if (this.ids.length >= length) return;
    this.ids = new Int32Array(length * 2);
    this.points = new Int32Array(length * 2);
  }

  private emit(length: number, alphabet: Alphabet): number {
    const { ngramMin, ngramMax, wordUnigrams, wordBigrams } = this.spec;
    const maxKeys =
      length * (ngramMax - ngramMin + 1) + (wordUnigrams ? length : 0) + (wordBigrams ? length : 0);
    if (this.keys.length < maxKeys) this.keys = new Float64Array(maxKeys * 2);
    const keys = this.keys;
    const ids = this.ids;
    const spaceId = alphabet.idOf(layout.SPACE);
    let count = 0;
    if (ngramMin === 1) {
      for (let i = 0; i < length; i++) {
        const a = ids[i];
        if (a !== 0 && a !== spaceId) keys[count++] = a * layout.RADIX_SQUARED;
      }
    }
    if (ngramMin <= 2 && ngramMax >= 2) {
      for (let i = 0; i + 1 < length; i++) {
        const a = ids[i];
        const b = ids[i + 1];
        if (a !== 0 && b !== 0) keys[count++] = a * layout.RADIX_SQUARED + b * layout.RADIX;
      }
    }
    if (ngramMax === 3) {
      for (let i = 0; i + 2 < length; i++) {
        const a = ids[i];
        const b = ids[i + 1];
        const c = ids[i + 2];
        if (a !== 0 && b !== 0 && c !== 0)
          keys[count++] = a * layout.RADIX_SQUARED + b * layout.RADIX + c;
      }
    }
    return wordUnigrams || wordBigrams
      ? this.emitWords(length, count, !!wordUnigrams, !!wordBigrams)
      : count;
  }

  private emitWords(length: number, count: number, unigrams: boolean, bigrams: boolean): number {
    const keys = this.keys;
    const points = this.points;
    let start = -1;
    let previousStart = -1;
    for (let i = 0; i <= length; i++) {
      const boundary = i === length || isWhitespace(points[i]);
      if (!boundary) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        const fits = i - start <= MAX_WORD_LENGTH;
        if (unigrams && fits) keys[count++] = wordKeyOf(points, start, i);
        if (bigrams && fits && previousStart >= 0) {
          keys[count++] = wordKeyOf(points, previousStart, i);
        }
        previousStart = fits ? start : -1;
        start = -1;
      }
    }
    return count;
  }
}

/**
 * 51-bit FNV-1a hash (two 32-bit lanes) of `points[start..end)`, offset above n-gram keys.
 * A word pair hashes its two words with the white space between them, so it never collides
 * with a single word by construction (only by hash chance).
 */
function wordKeyOf(points: Int32Array, start: number, end: number): number {
  let h1 = layout.FNV_OFFSET_1;
  let h2 = layout.FNV_OFFSET_2;
  for (let i = start; i < end; i++) {
    const code = points[i];
    h1 = Math.imul(h1 ^ code, layout.FNV_PRIME);
    h2 = Math.imul(h2 ^ code, layout.FNV_PRIME) ^ (h2 >>> 15);
  }
  return WORD_KEY_OFFSET + (h1 & layout.WORD_HASH_HIGH_BITS) * layout.TWO_POW_32 + (h2 >>> 0);
}

/** Unicode white space (the characters JavaScript's `\s` matches). */
function isWhitespace(code: number): boolean {
  if (code < 0xa0) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
