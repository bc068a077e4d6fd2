/** What happened to the raw strings of one source of one language. */
export interface SourceStats {
  /** Raw strings read from the packages. */
  raw: number;
  tooShort: number;
  nonLetters: number;
  wrongScript: number;
  /** Untranslated English originals, by how they were recognised. */
  englishSameKey: number;
  englishKnownString: number;
  englishVocabulary: number;
  /** Duplicates within the language (incl. across its sources). */
  duplicate: number;
  /** Strings that also occur in another language. */
  sharedWithOtherLanguage: number;
  /** Dropped by the per-source cap. */
  capped: number;
  /** Lines written. */
  lines: number;
  /** Characters (code points) written. */
  chars: number;
}

/** A zeroed statistics record. */
export function emptyStats(): SourceStats {
  return {
    raw: 0,
    tooShort: 0,
    nonLetters: 0,
    wrongScript: 0,
    englishSameKey: 0,
    englishKnownString: 0,
    englishVocabulary: 0,
    duplicate: 0,
    sharedWithOtherLanguage: 0,
    capped: 0,
    lines: 0,
    chars: 0,
  };
}
