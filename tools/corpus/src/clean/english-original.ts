import { dedupeKey } from './dedupe';

/** Very frequent English function words; at least one must occur for the vocabulary test to fire. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to with this that you your from for are is be by or not can will which when it its an on in a'.split(
    ' ',
  ),
);

/** Tuning of the vocabulary test for untranslated English. */
export interface EnglishDetectionRules {
  /** Minimum number of words before the vocabulary test applies. */
  minWords: number;
  /** Share of words that must be frequent English words. */
  minEnglishShare: number;
  /** How often a word must occur in the English reference to count as English vocabulary. */
  minWordCount: number;
}

export const DEFAULT_ENGLISH_RULES: EnglishDetectionRules = {
  minWords: 3,
  minEnglishShare: 0.9,
  minWordCount: 3,
};

/** Why a segment counts as untranslated English, or `undefined`. */
export type EnglishMatch = 'same-key' | 'known-string' | 'english-vocabulary' | undefined;

/**
 * The English source strings (en-GB/en-CA Mozilla langpacks, en-US LibreOffice help). A translated segment
 * is an untranslated original when it equals the English string under the same key, equals any English
 * string, or consists (≥ 90 %) of frequent English words including a function word.
 */
export class EnglishReference {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly strings = new Set<string>();
  private readonly vocabulary = new Map<string, number>();

  constructor(private readonly rules: EnglishDetectionRules = DEFAULT_ENGLISH_RULES) {}

  /** Registers an English string, optionally under the key that its translations share. */
  add(text: string, key?: string): void {
    const form = dedupeKey(text);
    if (!form) return;
    this.strings.add(form);
    if (key !== undefined) {
      const values = this.byKey.get(key) ?? new Set<string>();
      values.add(form);
      this.byKey.set(key, values);
    }
    for (const word of form.split(' '))
      this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + 1);
  }

  /** Number of distinct English strings known. */
  get size(): number {
    return this.strings.size;
  }

  /** True if `word` (any case) occurs often enough in the English reference. */
  isEnglishWord(word: string): boolean {
    return (this.vocabulary.get(word.toLowerCase()) ?? 0) >= this.rules.minWordCount;
  }

  /** Classifies a cleaned translated segment; `key` is its cross-locale key when the layout has one. */
  match(text: string, key?: string): EnglishMatch {
    const form = dedupeKey(text);
    if (!form) return undefined;
    if (key !== undefined && this.byKey.get(key)?.has(form)) return 'same-key';
    if (this.strings.has(form)) return 'known-string';
    const words = form.split(' ');
    if (
      words.length < this.rules.minWords ||
      !words.some((word) => ENGLISH_FUNCTION_WORDS.has(word))
    ) {
      return undefined;
    }
    const english = words.filter((word) => this.isEnglishWord(word)).length;
    return english / words.length >= this.rules.minEnglishShare ? 'english-vocabulary' : undefined;
  }
}
