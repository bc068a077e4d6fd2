import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageIdentifier } from '@sibyl/model';
import {
  PAIR_STAGE_ALPHA,
  splitOptionsOf,
  trainPairStage,
  trainingSplit,
} from '@sibyl/model/training';
import { LabelledText, readCorpus, readLabelledTexts } from '@sibyl/langid-cli';
import { PairErrors, TopTwo, decideLanguage, pairErrors } from './pair-decision';
import { buildLevers } from './lever-catalogue';

/** The confusable pairs whose errors are counted apart. */
export const CLOSE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['ms', 'id'],
  ['hr', 'sr'],
  ['da', 'nb'],
];

/** Options of {@link runPairLevers}. */
export interface PairLeverOptions {
  root: string;
  model: string;
  corpus: string;
  log: (line: string) => void;
}

interface EvaluationSet {
  name: string;
  items: LabelledText[];
  tops: TopTwo[];
}

/**
 * Measures the issue-13 levers on top of one trained model, without retraining its main stage:
 * each lever decides the close pairs among the main model's two best languages (the stages are
 * trained here from the corpus, like training does), on the UDHR sentences and paragraphs of the
 * 37 independent languages and on the model's corpus held-out split. Prints one row per lever
 * and appends the records to tmp/bench/langid/pair-levers.jsonl.
 */
export async function runPairLevers(options: PairLeverOptions): Promise<void> {
  const model = await LanguageIdentifier.load(options.model);
  const main = model.withoutPairStages();
  const corpus = await readCorpus(options.corpus);
  const { split, surplus } = trainingSplit(corpus.samples, splitOptionsOf(model.info));
  const stageSamples = [...split.train, ...surplus];
  const vectorizer = model.info.hyperParameters.vectorizer;
  const stages = Object.fromEntries(
    CLOSE_PAIRS.map((languages) => [
      languages.join('/'),
      trainPairStage(stageSamples, { languages, alpha: PAIR_STAGE_ALPHA }, vectorizer),
    ]),
  );
  options.log(`stages trained on ${stageSamples.length} corpus lines`);
  const independent = (item: LabelledText) =>
    item.lang !== 'war' && model.classes.includes(item.lang);
  const sets: EvaluationSet[] = [];
  for (const [name, file] of [
    ['sentences', 'udhr-sentences.jsonl'],
    ['paragraphs', 'udhr-paragraphs.jsonl'],
  ]) {
    const items = (await readLabelledTexts(join(options.root, 'data/eval', file))).filter(
      independent,
    );
    sets.push({ name, items, tops: topTwo(main, items) });
  }
  const heldOut = split.heldOut.map((s) => ({ text: s.text, lang: s.language }));
  sets.push({ name: 'held-out', items: heldOut, tops: topTwo(main, heldOut) });
  const levers = buildLevers({
    root: options.root,
    stages,
    stageSamples,
    log: options.log,
  });
  mkdirSync(join(options.root, 'tmp/bench/langid'), { recursive: true });
  for (const lever of levers) {
    const results = sets.map((set) => ({
      set: set.name,
      ...pairErrors(
        set.items.map((item) => item.lang),
        set.items.map((item, i) => decideLanguage(item.text, set.tops[i], lever.rules)),
        CLOSE_PAIRS,
      ),
    }));
    options.log(formatRow(lever.label, results));
    appendFileSync(
      join(options.root, 'tmp/bench/langid/pair-levers.jsonl'),
      `${JSON.stringify({ label: lever.label, model: options.model, results })}\n`,
    );
  }
}

function topTwo(main: LanguageIdentifier, items: readonly LabelledText[]): TopTwo[] {
  return main
    .predictMany(
      items.map((item) => item.text),
      { topN: 2 },
    )
    .map((prediction) => {
      const [first, second] = prediction.top;
      return {
        first: first?.language ?? prediction.language,
        second: second?.language ?? '',
        logOdds: Math.log(Math.max(first?.score ?? 1, 1e-12) / Math.max(second?.score ?? 0, 1e-12)),
      };
    });
}

function formatRow(label: string, results: Array<PairErrors & { set: string }>): string {
  const cells = results.map(
    (r) =>
      `${r.set} ${(r.accuracy * 100).toFixed(2)}% (` +
      `${Object.entries(r.errors)
        .map(([pair, n]) => `${pair} ${n}`)
        .join(', ')})`,
  );
  return `${label}: ${cells.join(' | ')}`;
}
