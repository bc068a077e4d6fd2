import { dedupeKey } from '../clean/dedupe';
import { isLongEnough, splitSentences } from '../clean/sentence-split';
import { CorpusLanguage } from '../languages';
import { readUdhrParagraphs, splitHalves, UDHR_DOCUMENTS, WARAY_CODE } from '../sources/udhr';

/** One line of an evaluation JSONL file. */
export interface EvalItem {
  text: string;
  lang: CorpusLanguage;
  /** udhr declaration code the text comes from (e.g. `srp_latn`). */
  doc: string;
  /** `war-second-half`: Waray is evaluated on the half of its declaration that was not trained on. */
  note?: string;
}

/** Note attached to every Waray item. */
export const WARAY_NOTE = 'war-second-half';

/** Paragraph and sentence items of every mapped UDHR declaration (Waray: second half only). */
export function buildUdhrEvalItems(udhrDir: string): {
  paragraphs: EvalItem[];
  sentences: EvalItem[];
} {
  const paragraphs: EvalItem[] = [];
  const sentences: EvalItem[] = [];
  const seen = { paragraphs: new Set<string>(), sentences: new Set<string>() };
  const push = (kind: 'paragraphs' | 'sentences', item: EvalItem): void => {
    const key = `${item.lang}\u0000${dedupeKey(item.text)}`;
    if (seen[kind].has(key)) return;
    seen[kind].add(key);
    (kind === 'paragraphs' ? paragraphs : sentences).push(item);
  };
  for (const { code, lang } of UDHR_DOCUMENTS) {
    let docParagraphs = readUdhrParagraphs(udhrDir, code);
    const note = code === WARAY_CODE ? WARAY_NOTE : undefined;
    if (note) docParagraphs = splitHalves(docParagraphs).second;
    const item = (text: string): EvalItem => ({ text, lang, doc: code, ...(note ? { note } : {}) });
    for (const paragraph of docParagraphs) {
      if (isLongEnough(paragraph)) push('paragraphs', item(paragraph));
      for (const sentence of splitSentences(paragraph)) {
        if (isLongEnough(sentence)) push('sentences', item(sentence));
      }
    }
  }
  return { paragraphs, sentences };
}
