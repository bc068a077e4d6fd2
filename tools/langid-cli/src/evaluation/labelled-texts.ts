import { readFile } from 'node:fs/promises';

/** One evaluation line: `{"text": ..., "lang": ...}`. */
export interface LabelledText {
  text: string;
  lang: string;
}

/**
 * Reads a JSON Lines file of `{"text", "lang"}` objects (blank lines are skipped).
 * @throws Error naming the file and line of the first malformed entry
 */
export async function readLabelledTexts(path: string): Promise<LabelledText[]> {
  const content = await readFile(path, 'utf8');
  const items: LabelledText[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    let item: Partial<LabelledText>;
    try {
      item = JSON.parse(line) as Partial<LabelledText>;
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    if (typeof item?.text !== 'string' || typeof item.lang !== 'string') {
      throw new Error(`${path}:${i + 1}: expected {"text": string, "lang": string}`);
    }
    items.push({ text: item.text, lang: item.lang });
  });
  return items;
}
