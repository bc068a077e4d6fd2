import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableShuffle } from '../clean/stable-order';
import { formatCount, Progress } from '../progress';
import { CorpusPaths } from '../workspace';
import { buildUdhrEvalItems, EvalItem } from './udhr-eval-items';

const SAMPLE_SEED = 'sibyl-eval-sample-v1';

/** Serialises items as JSONL with a fixed key order (text, lang, doc, note). */
export function toJsonl(items: EvalItem[]): string {
  return items
    .map(({ text, lang, doc, note }) =>
      JSON.stringify({ text, lang, doc, ...(note ? { note } : {}) }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * A small smoke-test set: one sentence of 40–200 characters per declaration (so Serbian gets a Cyrillic
 * and a Latin line, Portuguese a Portugal and a Brazil line), chosen with a fixed seed.
 */
export function pickSample(sentences: EvalItem[]): EvalItem[] {
  const docs = [...new Set(sentences.map((item) => item.doc))];
  return docs.flatMap((doc) => {
    const candidates = sentences.filter((item) => item.doc === doc);
    const fitting = candidates.filter((item) => item.text.length >= 40 && item.text.length <= 200);
    return stableShuffle(
      fitting.length > 0 ? fitting : candidates,
      `${SAMPLE_SEED}:${doc}`,
      (item) => item.text,
    ).slice(0, 1);
  });
}

/** Writes udhr-sentences.jsonl, udhr-paragraphs.jsonl and sample.jsonl into `outDir`. */
export function writeEvalSets(paths: CorpusPaths, outDir: string, progress: Progress): void {
  mkdirSync(outDir, { recursive: true });
  progress.log(`reading udhr declarations from ${paths.udhr}`);
  const { paragraphs, sentences } = buildUdhrEvalItems(paths.udhr);
  const sample = pickSample(sentences);
  writeFileSync(join(outDir, 'udhr-sentences.jsonl'), toJsonl(sentences));
  writeFileSync(join(outDir, 'udhr-paragraphs.jsonl'), toJsonl(paragraphs));
  writeFileSync(join(outDir, 'sample.jsonl'), toJsonl(sample));
  const perLanguage = new Map<string, [number, number]>();
  for (const item of sentences)
    perLanguage.set(item.lang, [(perLanguage.get(item.lang)?.[0] ?? 0) + 1, 0]);
  for (const item of paragraphs) {
    const counts = perLanguage.get(item.lang) ?? [0, 0];
    perLanguage.set(item.lang, [counts[0], counts[1] + 1]);
  }
  for (const [lang, [sentenceCount, paragraphCount]] of [...perLanguage].sort()) {
    progress.log(
      `${lang.padEnd(4)} ${String(sentenceCount).padStart(4)} sentences ${String(paragraphCount).padStart(4)} paragraphs`,
    );
  }
  progress.log(
    `wrote ${formatCount(sentences.length)} sentences, ${formatCount(paragraphs.length)} paragraphs, ${sample.length} sample lines to ${outDir}`,
  );
}
