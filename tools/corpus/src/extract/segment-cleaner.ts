import { EnglishReference } from '../clean/english-original';
import { DEFAULT_QUALITY_RULES, rejectReason, truncateSegment } from '../clean/segment-quality';
import { stripPlaceholders } from '../clean/strip-placeholders';
import { LocalisationEntry } from '../formats/localisation-entry';
import { Script } from '../languages';
import { SourceStats } from './source-stats';

/** How to clean the entries of one source of one language. */
export interface CleanContext {
  script: Script;
  /** English reference to drop untranslated originals; omit for English itself. */
  english?: EnglishReference;
  stats: SourceStats;
}

/**
 * Strips placeholders and markup from raw entries and drops segments that are too short, mostly
 * non-letters, in the wrong script or untranslated English. Counts every decision in `context.stats`.
 */
export function cleanEntries(
  entries: Iterable<LocalisationEntry>,
  context: CleanContext,
): string[] {
  const kept: string[] = [];
  const { stats } = context;
  for (const entry of entries) {
    stats.raw++;
    for (const text of splitAlternatives(stripPlaceholders(entry.text))) {
      if (keepSegment(text, entry.key, context)) kept.push(text);
    }
  }
  return kept;
}

/**
 * Mozilla keyword lists (`vierzehn | vierzehnte | …`, attachment-reminder words) become one segment per
 * alternative, so English alternatives inside them can be dropped individually.
 */
export function splitAlternatives(text: string): string[] {
  const parts = text.includes(' | ') ? text.split(/\s+\|\s+/) : [text];
  return parts
    .map((part) => truncateSegment(part.trim(), DEFAULT_QUALITY_RULES.maxChars))
    .filter(Boolean);
}

function keepSegment(text: string, key: string, context: CleanContext): boolean {
  const { stats } = context;
  const rejection = rejectReason(text, context.script);
  if (rejection === 'too-short') stats.tooShort++;
  else if (rejection === 'non-letters') stats.nonLetters++;
  else if (rejection === 'wrong-script') stats.wrongScript++;
  if (rejection) return false;
  const english = context.english?.match(text, key);
  if (english === 'same-key') stats.englishSameKey++;
  else if (english === 'known-string') stats.englishKnownString++;
  else if (english === 'english-vocabulary') stats.englishVocabulary++;
  return !english;
}
