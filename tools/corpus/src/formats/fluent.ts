import { LocalisationEntry } from './localisation-entry';

/** Attributes that hold key bindings, sizes or styles rather than language. */
const NON_TEXT_ATTRIBUTE =
  /(?:accesskey|key|keycode|modifiers|style|width|height|size|cols|rows|src|href)$/i;

const MESSAGE_START = /^(-?[A-Za-z][\w-]*)\s*=\s?(.*)$/;
const ATTRIBUTE_START = /^\s+\.([A-Za-z][\w-]*)\s*=\s?(.*)$/;
const VARIANT_LINE = /^\s*\*?\[[^\]]+\]\s?(.*)$/;
const SELECT_START = /\{[^{}]*->\s*$/;

/**
 * Parses a Fluent (.ftl) file into text entries. Terms (`-brand-name`) and non-text attributes
 * (access keys, styles) are skipped; each variant of a select expression becomes its own entry;
 * multi-line patterns are joined with a space.
 */
export function parseFluent(source: string): LocalisationEntry[] {
  const entries: LocalisationEntry[] = [];
  let current: { key: string; lines: string[]; skip: boolean } | undefined;
  let messageId = '';
  const flush = (): void => {
    if (current && !current.skip) entries.push(...patternEntries(current.key, current.lines));
    current = undefined;
  };
  for (const line of source.split(/\r?\n/)) {
    if (line.startsWith('#') || (line.trim() === '' && !current)) continue;
    const message = MESSAGE_START.exec(line);
    if (message) {
      flush();
      messageId = message[1];
      const skip = messageId.startsWith('-') || NON_TEXT_ATTRIBUTE.test(messageId);
      current = { key: messageId, lines: [message[2]], skip };
      continue;
    }
    const attribute = ATTRIBUTE_START.exec(line);
    if (attribute && messageId) {
      const skip = messageId.startsWith('-') || NON_TEXT_ATTRIBUTE.test(attribute[1]);
      flush();
      current = { key: `${messageId}.${attribute[1]}`, lines: [attribute[2]], skip };
      continue;
    }
    if (current && (/^\s/.test(line) || line === '')) current.lines.push(line);
  }
  flush();
  return entries;
}

/** Splits a pattern into its plain part and its select-expression variants. */
function patternEntries(key: string, lines: string[]): LocalisationEntry[] {
  const plain: string[] = [];
  const variants: LocalisationEntry[] = [];
  let depth = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (SELECT_START.test(trimmed)) {
      const before = trimmed.replace(SELECT_START, '').trim();
      if (before) plain.push(before);
      depth++;
      continue;
    }
    if (depth > 0 && trimmed === '}') {
      depth--;
      continue;
    }
    const variant = depth > 0 ? VARIANT_LINE.exec(line) : null;
    if (variant) {
      const name = /\[([^\]]+)\]/.exec(line)?.[1] ?? '';
      variants.push({ key: `${key}[${name}]`, text: variant[1].trim() });
    } else if (depth > 0 && variants.length > 0) {
      variants[variants.length - 1].text += ` ${trimmed}`;
    } else if (trimmed) {
      plain.push(trimmed);
    }
  }
  const text = plain.join(' ').trim();
  return [...(text ? [{ key, text }] : []), ...variants.filter((variant) => variant.text)];
}
