import { readFile } from 'node:fs/promises';
import { isLanguageCode } from '@sibyl/model';
import type { TrainingSample } from '@sibyl/model/training';

/** One evaluation line: `{"text": ..., "lang": ...}`. */
export interface LabelledText {
  text: string;
  lang: string;
}

/**
 * Reads a JSON Lines file of `{"text", "lang"}` objects (blank lines are skipped). The label may
 * also be named `language`, as in `models export-feedback` output (`{"text", "language", ...}`).
 * @throws Error naming the file and line of the first malformed entry
 */
export async function readLabelledTexts(path: string): Promise<LabelledText[]> {
  const content = await readFile(path, 'utf8');
  const items: LabelledText[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    let item: Partial<LabelledText> & { language?: unknown };
    try {
      item = JSON.parse(line) as Partial<LabelledText>;
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const lang = item?.lang ?? item?.language;
    if (typeof item?.text !== 'string' || typeof lang !== 'string') {
      throw new Error(`${path}:${i + 1}: expected {"text": string, "lang" or "language": string}`);
    }
    items.push({ text: item.text, lang });
  });
  return items;
}

/**
 * Reads verified feedback (`models export-feedback` JSONL) as training samples.
 * @throws Error naming the file and line of a malformed entry or an unsupported language
 */
export async function readFeedbackSamples(path: string): Promise<TrainingSample[]> {
  const items = await readLabelledTexts(path);
  const unknown = items.findIndex((item) => !isLanguageCode(item.lang));
  if (unknown >= 0)
    throw new Error(
      `${path}: item ${unknown + 1} has an unsupported language "${items[unknown].lang}"`,
    );
  return items.map((item) => ({ text: item.text, language: item.lang }));
}
