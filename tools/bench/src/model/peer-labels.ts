import { LANGUAGES, UNDETERMINED } from '@sibyl/model';

/** ISO 639-3 codes franc uses for the 38 labels (restricts franc with its `only` option). */
export const FRANC_CODES: Readonly<Record<string, string>> = Object.freeze({
  ar: 'arb',
  bg: 'bul',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  en: 'eng',
  es: 'spa',
  et: 'ekk',
  eu: 'eus',
  fa: 'pes',
  fi: 'fin',
  fr: 'fra',
  he: 'heb',
  hi: 'hin',
  hr: 'hrv',
  hu: 'hun',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  kk: 'kaz',
  ko: 'kor',
  lt: 'lit',
  ms: 'zlm',
  nb: 'nob',
  nl: 'nld',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  sr: 'srp',
  sv: 'swe',
  tr: 'tur',
  uk: 'ukr',
  vi: 'vie',
  war: 'war',
});

const FROM_FRANC = new Map(Object.entries(FRANC_CODES).map(([label, code]) => [code, label]));

/** Codes CLD2 and fastText use for a label under another name. */
const ALIASES: Readonly<Record<string, string>> = Object.freeze({ no: 'nb', iw: 'he' });

/** Our label for a CLD2 / fastText code, or null when it is not one of the 38. */
export function labelOfIso639_1(code: string): string | null {
  const label = ALIASES[code] ?? code;
  return Object.prototype.hasOwnProperty.call(LANGUAGES, label) ? label : null;
}

/** Our label for a franc code (`und` stays `und`). */
export function labelOfFranc(code: string): string {
  return FROM_FRANC.get(code) ?? UNDETERMINED;
}

/**
 * Restricts a ranked candidate list to the 38 labels: the first candidate that maps to one,
 * else `und` (how CLD2's top-3 and fastText's full ranking are restricted).
 */
export function firstSupported(codes: Iterable<string>): string {
  for (const code of codes) {
    const label = labelOfIso639_1(code);
    if (label) return label;
  }
  return UNDETERMINED;
}
