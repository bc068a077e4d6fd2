import { CorpusLanguage } from './languages';

/** Which Debian packages feed one language. Mozilla entries are langpack locale suffixes. */
export interface LanguagePackages {
  /** Suffixes of `firefox-esr-l10n-*` packages (also used for Thunderbird where it exists). */
  firefox: string[];
  /** Suffixes of `thunderbird-l10n-*` packages. */
  thunderbird: string[];
  /** Suffixes of `libreoffice-help-*` packages. */
  libreoffice: string[];
}

/** Firefox langpacks of Debian 12 used per language (names checked with `apt-cache search`). */
// prettier-ignore
const FIREFOX: Record<CorpusLanguage, string[]> = {
  ar: ['ar'], bg: ['bg'], ca: ['ca'], cs: ['cs'], da: ['da'], de: ['de'], en: ['en-gb', 'en-ca'], es: ['es-es'],
  et: ['et'], eu: ['eu'], fa: ['fa'], fi: ['fi'], fr: ['fr'], he: ['he'], hi: ['hi-in'], hr: ['hr'], hu: ['hu'],
  id: ['id'], it: ['it'], ja: ['ja'], kk: ['kk'], ko: ['ko'], lt: ['lt'], ms: ['ms'], nb: ['nb-no'], nl: ['nl'],
  pl: ['pl'], pt: ['pt-pt', 'pt-br'], ro: ['ro'], ru: ['ru'], sk: ['sk'], sl: ['sl'], sr: ['sr'], sv: ['sv-se'],
  tr: ['tr'], uk: ['uk'], vi: ['vi'], war: [],
};

/** Thunderbird has no Persian, Hindi or Waray langpack in Debian 12. */
const THUNDERBIRD_MISSING: CorpusLanguage[] = ['fa', 'hi', 'war'];

/**
 * `libreoffice-help-*` packages of Debian 12 (`apt-cache search libreoffice-help`) with real help text.
 * `libreoffice-help-sk` is left out: its help directory is only a symlink to the Czech help (`sk -> cs`).
 */
// prettier-ignore
const LIBREOFFICE: Partial<Record<CorpusLanguage, string[]>> = {
  ca: ['ca'], cs: ['cs'], da: ['da'], de: ['de'], en: ['en-us'], es: ['es'], et: ['et'], eu: ['eu'], fi: ['fi'],
  fr: ['fr'], hi: ['hi'], hu: ['hu'], id: ['id'], it: ['it'], ja: ['ja'], ko: ['ko'], nl: ['nl'], pl: ['pl'],
  pt: ['pt', 'pt-br'], ru: ['ru'], sl: ['sl'], sv: ['sv'], tr: ['tr'], vi: ['vi'],
};

/** English reference packs used to recognise untranslated strings (never trained on except for `en`). */
export const ENGLISH_REFERENCE = {
  mozilla: ['en-gb', 'en-ca'],
  libreoffice: ['en-us'],
};

/** The Debian package suffixes that feed `language`. */
export function packagesFor(language: CorpusLanguage): LanguagePackages {
  return {
    firefox: FIREFOX[language],
    thunderbird: THUNDERBIRD_MISSING.includes(language) ? [] : FIREFOX[language],
    libreoffice: LIBREOFFICE[language] ?? [],
  };
}

/** Full Debian package name of a Firefox langpack. */
export const firefoxPackage = (locale: string): string => `firefox-esr-l10n-${locale}`;
/** Full Debian package name of a Thunderbird langpack. */
export const thunderbirdPackage = (locale: string): string => `thunderbird-l10n-${locale}`;
/** Full Debian package name of a LibreOffice help pack. */
export const libreofficeHelpPackage = (locale: string): string => `libreoffice-help-${locale}`;

/** Every Debian package needed for `languages`, English reference packs included. */
export function allPackageNames(languages: CorpusLanguage[]): string[] {
  const names = new Set<string>();
  for (const locale of ENGLISH_REFERENCE.mozilla) {
    names.add(firefoxPackage(locale));
    names.add(thunderbirdPackage(locale));
  }
  ENGLISH_REFERENCE.libreoffice.forEach((locale) => names.add(libreofficeHelpPackage(locale)));
  for (const language of languages) {
    const packages = packagesFor(language);
    packages.firefox.forEach((locale) => names.add(firefoxPackage(locale)));
    packages.thunderbird.forEach((locale) => names.add(thunderbirdPackage(locale)));
    packages.libreoffice.forEach((locale) => names.add(libreofficeHelpPackage(locale)));
  }
  return [...names].sort();
}
