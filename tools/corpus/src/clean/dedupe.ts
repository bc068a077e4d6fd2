/**
 * Key under which two segments count as duplicates, also the form in which strings are compared with the
 * English originals: NFC, lower-case letters separated by single spaces (punctuation and digits ignored).
 */
export function dedupeKey(segment: string): string {
  return segment
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}]+/gu, ' ')
    .trim();
}

/** Keeps the first occurrence of every dedupe key, preserving order. */
export function dedupe(segments: Iterable<string>): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const segment of segments) {
    const key = dedupeKey(segment);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(segment);
  }
  return kept;
}

/**
 * Finds dedupe keys that occur in more than one language. Such segments (brand names, shared loan words,
 * identical strings of close languages) carry no signal for telling the languages apart.
 */
export function keysSharedAcrossLanguages(byLanguage: Map<string, Iterable<string>>): Set<string> {
  const owner = new Map<string, string>();
  const shared = new Set<string>();
  for (const [language, segments] of byLanguage) {
    for (const segment of segments) {
      const key = dedupeKey(segment);
      const first = owner.get(key);
      if (first === undefined) owner.set(key, language);
      else if (first !== language) shared.add(key);
    }
  }
  return shared;
}
