/** Sentence-final punctuation of the covered scripts (Latin, Devanagari danda, Arabic, CJK). */
const SENTENCE_END = /([.!?।॥؟。！？]+["'”’“‘»)\]」』]*)(?:\s+|(?<=[。！？]))/u;

/** Minimum size of a sentence kept for evaluation. */
export interface SentenceMinimum {
  /** Keep when it has at least this many characters… */
  chars: number;
  /** …or at least this many whitespace-separated words. */
  words: number;
  /** For unspaced scripts (Japanese), at least this many letters. */
  unspacedLetters: number;
}

export const DEFAULT_SENTENCE_MINIMUM: SentenceMinimum = {
  chars: 20,
  words: 3,
  unspacedLetters: 10,
};

/**
 * Splits a paragraph into sentences on sentence-final punctuation. Dots between digits or after a single
 * letter/number (article numbers, initials, `1.`) do not end a sentence.
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let rest = paragraph.trim();
  let carried = '';
  while (rest) {
    const match = SENTENCE_END.exec(rest);
    if (!match) break;
    const end = match.index + match[1].length;
    const candidate = carried + rest.slice(0, end);
    const previousWord = /(\S+)$/.exec(rest.slice(0, match.index))?.[1] ?? '';
    rest = rest.slice(match.index + match[0].length);
    if (match[1] === '.' && /^(?:\d+|\p{L}|[IVXLC]+)$/u.test(previousWord)) {
      carried = candidate + ' ';
      continue;
    }
    sentences.push(candidate.trim());
    carried = '';
  }
  const tail = (carried + rest).trim();
  if (tail) sentences.push(tail);
  return sentences.filter(Boolean);
}

/** True if a sentence is long enough to be a meaningful evaluation item. */
export function isLongEnough(
  sentence: string,
  minimum: SentenceMinimum = DEFAULT_SENTENCE_MINIMUM,
): boolean {
  const unspaced = (
    sentence.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []
  ).length;
  if (unspaced > 0 && unspaced >= sentence.replace(/\s/g, '').length / 2) {
    return unspaced >= minimum.unspacedLetters;
  }
  return (
    sentence.length >= minimum.chars ||
    sentence.split(/\s+/).filter(Boolean).length >= minimum.words
  );
}
