/** Writing systems the corpus checks segments against. */
export type Script =
  'latin' | 'cyrillic' | 'arabic' | 'hebrew' | 'devanagari' | 'japanese' | 'hangul';

/** The 38 language labels of the identifier, in the order used for all outputs. */
// prettier-ignore
export const CORPUS_LANGUAGES = [
  'ar', 'bg', 'ca', 'cs', 'da', 'de', 'en', 'es', 'et', 'eu', 'fa', 'fi', 'fr', 'he', 'hi', 'hr', 'hu', 'id', 'it',
  'ja', 'kk', 'ko', 'lt', 'ms', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sr', 'sv', 'tr', 'uk', 'vi', 'war',
] as const;

/** A language label of the identifier. */
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];

const NON_LATIN: Partial<Record<CorpusLanguage, Script>> = {
  ar: 'arabic',
  fa: 'arabic',
  he: 'hebrew',
  hi: 'devanagari',
  ja: 'japanese',
  ko: 'hangul',
  bg: 'cyrillic',
  ru: 'cyrillic',
  uk: 'cyrillic',
  kk: 'cyrillic',
  sr: 'cyrillic',
};

/** Script that the *source* text of a language is expected to be written in (Serbian sources are Cyrillic). */
export function sourceScriptOf(language: CorpusLanguage): Script {
  return NON_LATIN[language] ?? 'latin';
}

/** Type guard for language labels. */
export function isCorpusLanguage(value: string): value is CorpusLanguage {
  return (CORPUS_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Parses a comma-separated language list (`sv,da`); throws on unknown labels.
 * An empty or missing list means all languages.
 */
export function parseLanguageList(list: string | undefined): CorpusLanguage[] {
  if (!list) return [...CORPUS_LANGUAGES];
  const requested = list
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const unknown = requested.filter((code) => !isCorpusLanguage(code));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown language(s): ${unknown.join(', ')}. Known: ${CORPUS_LANGUAGES.join(' ')}`,
    );
  }
  return CORPUS_LANGUAGES.filter((code) => requested.includes(code));
}
