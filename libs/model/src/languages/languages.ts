/** Display names of a language: in English and in the language itself. */
export interface LanguageNames {
  /** Name in English, e.g. `Swedish`. */
  english: string;
  /** Endonym, e.g. `Svenska`. */
  native: string;
}

/** Label returned when a text cannot be classified (empty, no letters, nothing known). */
export const UNDETERMINED = 'und';

/**
 * The 38 languages the model distinguishes, keyed by label: the ISO 639-1 code,
 * or ISO 639-3 `war` for Waray, which has no two-letter code.
 */
export const LANGUAGES: Readonly<Record<string, LanguageNames>> = Object.freeze({
  ar: { english: 'Arabic', native: 'العربية' },
  bg: { english: 'Bulgarian', native: 'Български' },
  ca: { english: 'Catalan', native: 'Català' },
  cs: { english: 'Czech', native: 'Čeština' },
  da: { english: 'Danish', native: 'Dansk' },
  de: { english: 'German', native: 'Deutsch' },
  en: { english: 'English', native: 'English' },
  es: { english: 'Spanish', native: 'Español' },
  et: { english: 'Estonian', native: 'Eesti' },
  eu: { english: 'Basque', native: 'Euskara' },
  fa: { english: 'Persian', native: 'فارسی' },
  fi: { english: 'Finnish', native: 'Suomi' },
  fr: { english: 'French', native: 'Français' },
  he: { english: 'Hebrew', native: 'עברית' },
  hi: { english: 'Hindi', native: 'हिन्दी' },
  hr: { english: 'Croatian', native: 'Hrvatski' },
  hu: { english: 'Hungarian', native: 'Magyar' },
  id: { english: 'Indonesian', native: 'Bahasa Indonesia' },
  it: { english: 'Italian', native: 'Italiano' },
  ja: { english: 'Japanese', native: '日本語' },
  kk: { english: 'Kazakh', native: 'Қазақ тілі' },
  ko: { english: 'Korean', native: '한국어' },
  lt: { english: 'Lithuanian', native: 'Lietuvių' },
  ms: { english: 'Malay', native: 'Bahasa Melayu' },
  nb: { english: 'Norwegian (Bokmål)', native: 'Norsk (Bokmål)' },
  nl: { english: 'Dutch', native: 'Nederlands' },
  pl: { english: 'Polish', native: 'Polski' },
  pt: { english: 'Portuguese', native: 'Português' },
  ro: { english: 'Romanian', native: 'Română' },
  ru: { english: 'Russian', native: 'Русский' },
  sk: { english: 'Slovak', native: 'Slovenčina' },
  sl: { english: 'Slovenian', native: 'Slovenščina' },
  sr: { english: 'Serbian', native: 'Српски / Srpski' },
  sv: { english: 'Swedish', native: 'Svenska' },
  tr: { english: 'Turkish', native: 'Türkçe' },
  uk: { english: 'Ukrainian', native: 'Українська' },
  vi: { english: 'Vietnamese', native: 'Tiếng Việt' },
  war: { english: 'Waray', native: 'Winaray' },
});

/** All 38 language labels, sorted. */
export const LANGUAGE_CODES: readonly string[] = Object.freeze(Object.keys(LANGUAGES).sort());

const UNDETERMINED_NAMES: LanguageNames = Object.freeze({
  english: 'Undetermined',
  native: 'Undetermined',
});

/** True when `code` is one of the 38 supported labels (not `und`). */
export function isLanguageCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(LANGUAGES, code);
}

/**
 * Display names of a label, including {@link UNDETERMINED}.
 * @throws RangeError for a label that is neither a supported language nor `und`.
 */
export function languageNames(code: string): LanguageNames {
  if (code === UNDETERMINED) return UNDETERMINED_NAMES;
  if (!isLanguageCode(code))
    throw new RangeError(`unknown language label: ${JSON.stringify(code)}`);
  return LANGUAGES[code];
}
