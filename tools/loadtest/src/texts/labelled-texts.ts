import { existsSync, readFileSync } from 'node:fs';
import { BUILTIN_TEXTS } from './builtin-texts';

/** A text with its true language label. */
export interface LabelledText {
  text: string;
  /** Expected language label (ISO 639-1, or `war`). */
  lang: string;
}

/** Where the texts came from. */
export interface LabelledTextSet {
  texts: readonly LabelledText[];
  /** File path, or `built-in`. */
  source: string;
}

/** Default labelled set: held-out UDHR test sentences written by the corpus tool. */
export const DEFAULT_TEXTS_PATH = 'data/eval/udhr-sentences.jsonl';

/**
 * Parses JSON Lines of `{ "text": "...", "lang": "xx" }` (`language` is accepted for
 * `lang`). Blank lines are skipped; a malformed line is an error naming its number.
 */
export function parseLabelledJsonl(content: string, source = 'input'): LabelledText[] {
  const texts: LabelledText[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw new Error(`${source}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const { text, lang, language } = (row ?? {}) as Record<string, unknown>;
    const label = lang ?? language;
    if (
      typeof text !== 'string' ||
      text.trim() === '' ||
      typeof label !== 'string' ||
      label === ''
    ) {
      throw new Error(`${source}:${i + 1}: expected {"text": non-empty string, "lang": string}`);
    }
    texts.push({ text, lang: label });
  });
  return texts;
}

/**
 * Loads the labelled texts: the given file, else the default UDHR set when present,
 * else the built-in sample. An explicitly given file must exist.
 */
export function loadLabelledTexts(path?: string): LabelledTextSet {
  const file = path ?? (existsSync(DEFAULT_TEXTS_PATH) ? DEFAULT_TEXTS_PATH : undefined);
  if (file === undefined) return { texts: BUILTIN_TEXTS, source: 'built-in' };
  const texts = parseLabelledJsonl(readFileSync(file, 'utf8'), file);
  if (texts.length === 0) throw new Error(`${file}: no texts`);
  return { texts, source: file };
}

/**
 * Deterministic text order: a seeded shuffle, so runs are repeatable and
 * consecutive requests do not all carry the same language.
 */
export function shuffledOrder(length: number, seed = 1): Int32Array {
  const order = Int32Array.from({ length }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = length - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
