import { LocalisationEntry } from './localisation-entry';

const ENTITY = /<!ENTITY\s+([^\s"']+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;

/** Keys of DTD entities that hold access keys, sizes or styles rather than language. */
const NON_TEXT_KEY =
  /(?:accesskey|\.key|commandkey|keycode|modifiers|\.style|width|height|\.size|\.cols|\.rows)$/i;

/** Parses a Mozilla .dtd localisation file into entries (comments ignored, values may span lines). */
export function parseDtd(source: string): LocalisationEntry[] {
  const withoutComments = source.replace(/<!--[\s\S]*?-->/g, '');
  const entries: LocalisationEntry[] = [];
  for (const match of withoutComments.matchAll(ENTITY)) {
    const key = match[1];
    if (NON_TEXT_KEY.test(key)) continue;
    const text = (match[2] ?? match[3] ?? '').replace(/\s+/g, ' ').trim();
    if (text) entries.push({ key, text });
  }
  return entries;
}
