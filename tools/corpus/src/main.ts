import { resolve } from 'node:path';
import { parseCliArgs, positiveIntOption, shareOption } from './cli-args';
import { writeEvalSets } from './eval/write-eval-sets';
import { extractCorpus, ExtractOptions } from './extract/extract-corpus';
import { SOURCE_NAMES } from './extract/package-reader';
import { CORPUS_LANGUAGES, parseLanguageList } from './languages';
import { Progress } from './progress';
import { corpusPaths } from './workspace';

const USAGE = `Usage:
  npm run corpus -- extract [--langs sv,da] [--max-lines-per-source N] [--max-chars-per-source N]
                            [--max-help-chars N] [--serbian-latin-share 0.5] [--seed S] [--out DIR]
  npm run corpus -- eval-sets [--out DIR]

extract    downloads Debian packages (apt-get download, cached in .cache/corpus), writes data/corpus/*.txt.gz,
           NOTICE.md, data/LICENSES/ and finally manifest.json. With --langs the default output is
           tmp/corpus-partial (the committed corpus is always built from all languages).
eval-sets  writes the held-out UDHR sets data/eval/udhr-{sentences,paragraphs}.jsonl and sample.jsonl.`;

/** Default caps (characters per source per language) of the committed corpus. */
const DEFAULT_MAX_CHARS = 500_000;
const DEFAULT_MAX_HELP_CHARS = 400_000;
const DEFAULT_SEED = 'sibyl-corpus-v1';

function main(argv: string[]): void {
  const { command, options } = parseCliArgs(argv);
  const paths = corpusPaths();
  const progress = new Progress();
  if (command === 'extract') {
    const languages = parseLanguageList(options.get('langs'));
    const maxLines = positiveIntOption(options, 'max-lines-per-source', Number.MAX_SAFE_INTEGER);
    const maxChars = positiveIntOption(options, 'max-chars-per-source', DEFAULT_MAX_CHARS);
    const maxHelpChars = positiveIntOption(options, 'max-help-chars', DEFAULT_MAX_HELP_CHARS);
    const partial = languages.length < CORPUS_LANGUAGES.length;
    const caps = Object.fromEntries(
      SOURCE_NAMES.map((source) => [
        source,
        { maxLines, maxChars: source === 'libreoffice-help' ? maxHelpChars : maxChars },
      ]),
    ) as ExtractOptions['caps'];
    const extractOptions: ExtractOptions = {
      languages,
      outDir: resolve(
        options.get('out') ?? (partial ? resolve(paths.root, 'tmp/corpus-partial') : paths.corpus),
      ),
      seed: options.get('seed') ?? DEFAULT_SEED,
      caps,
      serbianLatinShare: shareOption(options, 'serbian-latin-share', 0.5),
    };
    progress.log(`extract ${languages.join(',')} → ${extractOptions.outDir}`);
    extractCorpus(paths, extractOptions, progress);
  } else if (command === 'eval-sets') {
    writeEvalSets(paths, resolve(options.get('out') ?? paths.eval), progress);
  } else {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = command === undefined || command === 'help' ? 0 : 2;
    return;
  }
  progress.log(`done in ${progress.elapsedSeconds().toFixed(1)} s`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`corpus: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
