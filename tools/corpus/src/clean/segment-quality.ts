import { Script } from '../languages';

const SCRIPT_PATTERNS: Record<Script, RegExp> = {
  latin: /\p{Script=Latin}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  devanagari: /\p{Script=Devanagari}/u,
  japanese: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  hangul: /[\p{Script=Hangul}\p{Script=Han}]/u,
};

/** Thresholds for keeping a cleaned segment. */
export interface QualityRules {
  /** Minimum number of letters (alphabetic scripts). */
  minLetters: number;
  /** Minimum number of letters for scripts where one character is a syllable or word (CJK, Hangul). */
  minLettersDense: number;
  /** Minimum share of letters (incl. combining marks) among non-space characters. */
  minLetterShare: number;
  /** Minimum share of the letters that must be in the language's expected script. */
  minScriptShare: number;
  /** Segments longer than this many characters are cut at a word boundary. */
  maxChars: number;
}

export const DEFAULT_QUALITY_RULES: QualityRules = {
  minLetters: 3,
  minLettersDense: 2,
  minLetterShare: 0.6,
  minScriptShare: 0.5,
  maxChars: 1000,
};

/** Why a segment was rejected, or `undefined` when it is kept. */
export type Rejection = 'too-short' | 'non-letters' | 'wrong-script' | undefined;

/** Checks length, letter share and script of a cleaned segment. */
export function rejectReason(
  segment: string,
  script: Script,
  rules: QualityRules = DEFAULT_QUALITY_RULES,
): Rejection {
  const letters = segment.match(/\p{L}/gu) ?? [];
  const marks = (segment.match(/\p{M}/gu) ?? []).length;
  const dense = script === 'japanese' || script === 'hangul';
  if (letters.length < (dense ? rules.minLettersDense : rules.minLetters)) return 'too-short';
  const nonSpace = segment.replace(/\s/g, '').length;
  if ((letters.length + marks) / nonSpace < rules.minLetterShare) return 'non-letters';
  const pattern = SCRIPT_PATTERNS[script];
  const inScript = letters.filter((letter) => pattern.test(letter)).length;
  if (inScript / letters.length < rules.minScriptShare) return 'wrong-script';
  return undefined;
}

/** Cuts an over-long segment at the last space before `maxChars` (keeps it whole when short enough). */
export function truncateSegment(segment: string, maxChars: number): string {
  if (segment.length <= maxChars) return segment;
  const cut = segment.lastIndexOf(' ', maxChars);
  return segment.slice(0, cut > maxChars / 2 ? cut : maxChars).trim();
}
