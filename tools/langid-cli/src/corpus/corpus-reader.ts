import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isLanguageCode } from '@sibyl/model';
import type { TrainingSample } from '@sibyl/model/training';

/** The fields of `data/corpus/manifest.json` the trainer relies on. */
export interface CorpusManifest {
  format: string;
  corpusSha256: string;
  languages: Record<string, { file: string; lines: number; textSha256: string }>;
}

/** A corpus loaded for training. */
export interface LoadedCorpus {
  samples: TrainingSample[];
  corpusSha256: string;
  /** Lines used per language (after the cap). */
  linesPerLanguage: Record<string, number>;
}

/** Options of {@link readCorpus}. */
export interface ReadCorpusOptions {
  /** Use only the first N lines of each language (lines are stored in seeded random order). */
  maxLinesPerLanguage?: number;
  onLanguage?: (language: string, done: number, total: number) => void;
}

const MANIFEST_FORMAT = 'sibyl-langid-corpus';

/**
 * Reads `<dir>/manifest.json` and every `<lang>.txt.gz` it lists, verifying each file's text
 * SHA-256 and the corpus SHA-256. The manifest is written last, so its absence means the
 * corpus is incomplete.
 * @throws Error with a clear message when the corpus is missing, incomplete or altered
 */
export async function readCorpus(
  dir: string,
  options: ReadCorpusOptions = {},
): Promise<LoadedCorpus> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`no corpus at ${dir}: manifest.json is missing (run \`npm run corpus\` first)`);
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as CorpusManifest;
  if (manifest.format !== MANIFEST_FORMAT)
    throw new Error(`${manifestPath} is not a ${MANIFEST_FORMAT} manifest`);
  const languages = Object.keys(manifest.languages).sort();
  const samples: TrainingSample[] = [];
  const linesPerLanguage: Record<string, number> = {};
  const fileHashes: string[] = [];
  for (const [i, language] of languages.entries()) {
    if (!isLanguageCode(language))
      throw new Error(`corpus language ${language} is not one of the model's labels`);
    const entry = manifest.languages[language];
    const text = gunzipSync(await readFile(join(dir, entry.file))).toString('utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    if (sha !== entry.textSha256)
      throw new Error(`${entry.file} does not match manifest.json (sha256 ${sha})`);
    fileHashes.push(`${sha}  ${entry.file.replace(/\.gz$/, '')}\n`);
    const lines = text.split('\n').filter((line) => line.length > 0);
    const used = options.maxLinesPerLanguage ? lines.slice(0, options.maxLinesPerLanguage) : lines;
    for (const line of used) samples.push({ text: line, language });
    linesPerLanguage[language] = used.length;
    options.onLanguage?.(language, i + 1, languages.length);
  }
  const corpusSha256 = createHash('sha256')
    .update(fileHashes.sort(byFileName).join(''))
    .digest('hex');
  if (corpusSha256 !== manifest.corpusSha256)
    throw new Error('corpus files do not add up to manifest corpusSha256');
  return { samples, corpusSha256, linesPerLanguage };
}

function byFileName(a: string, b: string): number {
  const fa = a.slice(66);
  const fb = b.slice(66);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}
