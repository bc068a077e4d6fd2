import { OTHER, letterClassOf } from './letter-classes';

/**
 * How raw text is turned into the character sequence that n-grams are cut from.
 *
 * `nonLetters: 'keep'` reproduces scikit-learn's `analyzer='char'` preprocessing
 * (lower-case, then runs of two or more whitespace characters become one space;
 * digits and punctuation stay). `nonLetters: 'separate'` is the model's default:
 * every code point that is neither a letter (`\p{L}`) nor a combining mark (`\p{M}`)
 * — digits, punctuation, symbols, whitespace, emoji — is a word boundary; runs of
 * boundaries become one space and the text is padded with one space at each end, so
 * n-grams see word starts and ends (` th`, `he `) but never digits or punctuation.
 */
export interface TextNormalization {
  /** Unicode normalization applied first. NFKC also folds full-width forms and ligatures. */
  unicodeForm: 'NFC' | 'NFKC' | 'none';
  /** Lower-case with `String.prototype.toLowerCase` (locale-independent). */
  lowercase: boolean;
  /** What happens to code points that are not letters or combining marks. */
  nonLetters: 'keep' | 'separate';
}

/** The normalization the language model uses by default. */
export const DEFAULT_NORMALIZATION: TextNormalization = Object.freeze({
  unicodeForm: 'NFKC',
  lowercase: true,
  nonLetters: 'separate',
});

/** scikit-learn `TfidfVectorizer(analyzer='char')` preprocessing, for fixture tests. */
export const SKLEARN_CHAR_NORMALIZATION: TextNormalization = Object.freeze({
  unicodeForm: 'none',
  lowercase: true,
  nonLetters: 'keep',
});

const WHITESPACE_RUN = /\s\s+/g;
const LETTER_ANYWHERE = /\p{L}/u;
const SPACE = 0x20;

/** Unicode normalization and lower-casing: the steps before non-letters are handled. */
export function foldText(text: string, options: TextNormalization): string {
  const normalized = options.unicodeForm === 'none' ? text : text.normalize(options.unicodeForm);
  return options.lowercase ? normalized.toLowerCase() : normalized;
}

/** Applies {@link TextNormalization} to `text`; see the interface for the exact rules. */
export function normalizeText(text: string, options: TextNormalization): string {
  const folded = foldText(text, options);
  if (options.nonLetters === 'keep') return folded.replace(WHITESPACE_RUN, ' ');
  const codes: number[] = [SPACE];
  let content = false;
  for (const character of folded) {
    const codePoint = character.codePointAt(0) as number;
    if (letterClassOf(codePoint) === OTHER) {
      if (codes[codes.length - 1] !== SPACE) codes.push(SPACE);
    } else {
      codes.push(codePoint);
      content = true;
    }
  }
  if (!content) return '';
  if (codes[codes.length - 1] !== SPACE) codes.push(SPACE);
  return fromCodePoints(codes);
}

/** Builds a string from code points in slices (spreading 100k arguments would overflow the stack). */
function fromCodePoints(codes: number[]): string {
  const SLICE = 8192;
  let result = '';
  for (let i = 0; i < codes.length; i += SLICE)
    result += String.fromCodePoint(...codes.slice(i, i + SLICE));
  return result;
}

/** True when `text` contains at least one letter (`\p{L}`): texts without any are `und`. */
export function hasLetter(text: string): boolean {
  return LETTER_ANYWHERE.test(text);
}
