import { dedupeKey } from '../clean/dedupe';
import { EnglishReference } from '../clean/english-original';
import { splitSentences } from '../clean/sentence-split';
import { stripPlaceholders } from '../clean/strip-placeholders';
import { CorpusLanguage, sourceScriptOf } from '../languages';
import { packagesFor } from '../packages';
import { readUdhrParagraphs, splitHalves, WARAY_CODE } from '../sources/udhr';
import { PackageReader, SourceName } from './package-reader';
import { cleanEntries } from './segment-cleaner';
import { emptyStats, SourceStats } from './source-stats';

/** Cleaned (not yet de-duplicated) segments of one language, per source. */
export interface LanguageSources {
  lang: CorpusLanguage;
  segments: Map<SourceName, string[]>;
  stats: Map<SourceName, SourceStats>;
}

/** Inputs shared by all languages. */
export interface SourceContext {
  reader: PackageReader;
  english: EnglishReference;
  udhrDir: string;
}

/** Reads and cleans every source of one language. */
export function readLanguageSources(lang: CorpusLanguage, context: SourceContext): LanguageSources {
  const script = sourceScriptOf(lang);
  const english = lang === 'en' ? undefined : context.english;
  const packages = packagesFor(lang);
  const result: LanguageSources = { lang, segments: new Map(), stats: new Map() };
  const add = (source: SourceName, segments: string[], stats: SourceStats): void => {
    result.segments.set(source, [...(result.segments.get(source) ?? []), ...segments]);
    result.stats.set(source, stats);
  };
  for (const product of ['firefox', 'thunderbird'] as const) {
    const stats = emptyStats();
    for (const locale of packages[product]) {
      add(
        product,
        cleanEntries(context.reader.mozilla(product, locale), { script, english, stats }),
        stats,
      );
    }
  }
  const helpStats = emptyStats();
  const isForeignFragment = english
    ? (fragment: string) => isEnglishUiName(fragment, english)
    : undefined;
  for (const locale of packages.libreoffice) {
    const entries = context.reader.libreoffice(locale, { isForeignFragment });
    add(
      'libreoffice-help',
      cleanEntries(entries, { script, english, stats: helpStats }),
      helpStats,
    );
  }
  if (lang === 'war') {
    const stats = emptyStats();
    const { first } = splitHalves(readUdhrParagraphs(context.udhrDir, WARAY_CODE));
    const sentences = first.flatMap((paragraph) => splitSentences(paragraph));
    add(
      'udhr',
      cleanEntries(
        sentences.map((text, index) => ({ key: `udhr:war#${index}`, text })),
        { script, stats },
      ),
      stats,
    );
  }
  return result;
}

/** True when an inline UI name inside translated help prose is made of English words only. */
function isEnglishUiName(fragment: string, english: EnglishReference): boolean {
  const words = dedupeKey(stripPlaceholders(fragment)).split(' ').filter(Boolean);
  return words.length > 0 && words.every((word) => english.isEnglishWord(word));
}
