import { PairClassifier, TrainingSample } from '@sibyl/model/training';
import type { Lever, PairRule } from './pair-decision';
import { IndonesianRoots, distinctiveWords, hunspellForms, wordsOf } from './lexicons';

/** What the levers are built from. */
export interface LeverContext {
  root: string;
  /** Naive Bayes stage per pair (`hr/sr`, `da/nb`, `ms/id`), trained from the corpus. */
  stages: Record<string, PairClassifier>;
  /** The corpus lines the stages learn from (never the held-out split). */
  stageSamples: readonly TrainingSample[];
  log: (line: string) => void;
}

/** Weights of the dictionary evidence tried (per distinctive word, in log-odds). */
const DICTIONARY_WEIGHTS = [1, 4];
/** Weights of the ms/id stage added to the main model's log-odds. */
const STAGE_WEIGHTS = [0.1, 0.5, 1];
/** |log-likelihood ratio| a feature needs to count in the "distinctive features only" stage. */
const DISTINCTIVE_FEATURE_RATIO = 2;
/** Weights of the Indonesian-root evidence (per-token log-likelihood ratios) tried. */
const ROOT_WEIGHTS = [1, 4];

/** Every lever measured for issue 13, in table order. */
export function buildLevers(context: LeverContext): Lever[] {
  const { stages } = context;
  const stage =
    (key: string) =>
    (text: string): number =>
      stages[key].score(text);
  const hrSr: PairRule = { languages: ['hr', 'sr'], score: stage('hr/sr') };
  const daNb: PairRule = { languages: ['da', 'nb'], score: stage('da/nb') };
  const v2 = [hrSr, daNb];
  const withRule = (rule: PairRule) => [
    ...v2.filter((r) => r.languages[0] !== rule.languages[0]),
    rule,
  ];
  const hr = dictionaryEvidence(context, 'hr', 'sr');
  const da = dictionaryEvidence(context, 'da', 'nb');
  const levers: Lever[] = [
    { label: 'main model alone (v1)', rules: [] },
    { label: 'v2: naive Bayes stages for hr/sr and da/nb', rules: v2 },
  ];
  for (const weight of DICTIONARY_WEIGHTS) {
    levers.push(
      {
        label: `v2 + ${weight} × (hr-only − sr-only Hunspell words) in the hr/sr stage`,
        rules: withRule({
          languages: ['hr', 'sr'],
          score: (t) => hrSr.score(t, 0) + weight * hr(t),
        }),
      },
      {
        label: `v2 + ${weight} × (da-only − nb-only Hunspell words) in the da/nb stage`,
        rules: withRule({
          languages: ['da', 'nb'],
          score: (t) => daNb.score(t, 0) + weight * da(t),
        }),
      },
    );
  }
  levers.push({
    label: 'hr/sr and da/nb decided by the Hunspell words alone (the stage breaks ties)',
    rules: [
      { languages: ['hr', 'sr'], score: (t) => hr(t) + 1e-3 * hrSr.score(t, 0) },
      { languages: ['da', 'nb'], score: (t) => da(t) + 1e-3 * daNb.score(t, 0) },
    ],
  });
  levers.push(...malayIndonesianLevers(context, v2));
  levers.push({
    label: 'v2 + 1 × Hunspell words (hr/sr, da/nb) + ms/id main log-odds + 0.1 × stage',
    rules: [
      { languages: ['hr', 'sr'], score: (t) => hrSr.score(t, 0) + hr(t) },
      { languages: ['da', 'nb'], score: (t) => daNb.score(t, 0) + da(t) },
      { languages: ['ms', 'id'], score: (t, main) => main + 0.1 * stages['ms/id'].score(t) },
    ],
  });
  return levers;
}

/** Count of `own`-only minus `other`-only Hunspell word forms in a text. */
function dictionaryEvidence(
  context: LeverContext,
  own: string,
  other: string,
): (text: string) => number {
  const started = performance.now();
  const ownForms = hunspellForms(context.root, own);
  const otherForms = hunspellForms(context.root, other);
  const ownOnly = distinctiveWords(ownForms, otherForms);
  const otherOnly = distinctiveWords(otherForms, ownForms);
  context.log(
    `Hunspell ${own}: ${ownForms.size} forms (${ownOnly.size} not ${other}), ${other}: ` +
      `${otherForms.size} (${otherOnly.size} not ${own}) [${((performance.now() - started) / 1000).toFixed(0)}s]`,
  );
  return (text) => {
    let evidence = 0;
    for (const word of wordsOf(text)) {
      if (ownOnly.has(word)) evidence++;
      else if (otherOnly.has(word)) evidence--;
    }
    return evidence;
  };
}

function malayIndonesianLevers(context: LeverContext, v2: PairRule[]): Lever[] {
  const stage = context.stages['ms/id'];
  const levers: Lever[] = [
    {
      label: 'v2 + naive Bayes ms/id stage alone',
      rules: [...v2, { languages: ['ms', 'id'], score: (t) => stage.score(t) }],
    },
  ];
  for (const weight of STAGE_WEIGHTS) {
    levers.push({
      label: `v2 + ms/id: main log-odds + ${weight} × stage`,
      rules: [
        ...v2,
        { languages: ['ms', 'id'], score: (t, main) => main + weight * stage.score(t) },
      ],
    });
  }
  const distinctive = new PairClassifier(
    stage.languages,
    stage.vectorizer,
    stage.weights.map((w) => (Math.abs(w) >= DISTINCTIVE_FEATURE_RATIO ? w : 0)),
    0,
  );
  levers.push({
    label: `v2 + ms/id: main log-odds + 0.5 × stage on distinctive features only (|ratio| ≥ ${DISTINCTIVE_FEATURE_RATIO})`,
    rules: [
      ...v2,
      { languages: ['ms', 'id'], score: (t, main) => main + 0.5 * distinctive.score(t) },
    ],
  });
  const roots = new IndonesianRoots();
  for (const stemmed of [false, true]) {
    const evidence = rootEvidence(context, roots, stemmed);
    for (const weight of ROOT_WEIGHTS) {
      levers.push({
        label: `v2 + ms/id: main log-odds + ${weight} × Indonesian-root evidence (${stemmed ? 'word or its stem' : 'word'})`,
        rules: [
          ...v2,
          { languages: ['ms', 'id'], score: (t, main) => main + weight * evidence(t) },
        ],
      });
    }
  }
  return levers;
}

/**
 * Per-word log-likelihood ratio (Malay over Indonesian) of "is / is not an Indonesian root word",
 * estimated on the stages' corpus lines, summed over a text's words.
 */
function rootEvidence(
  context: LeverContext,
  roots: IndonesianRoots,
  stemmed: boolean,
): (text: string) => number {
  const isRoot = (word: string) => word.length > 1 && roots.has(word, stemmed);
  const missRate = (language: string) => {
    let words = 0;
    let misses = 0;
    for (const sample of context.stageSamples) {
      if (sample.language !== language) continue;
      for (const word of wordsOf(sample.text)) {
        if (word.length < 2) continue;
        words++;
        if (!isRoot(word)) misses++;
      }
    }
    return misses / words;
  };
  const ms = missRate('ms');
  const id = missRate('id');
  const miss = Math.log(ms / id);
  const hit = Math.log((1 - ms) / (1 - id));
  context.log(
    `Indonesian roots (${roots.size}, ${stemmed ? 'word or stem' : 'word'}): not a root in ` +
      `${(ms * 100).toFixed(1)}% of Malay and ${(id * 100).toFixed(1)}% of Indonesian corpus words`,
  );
  return (text) => {
    let evidence = 0;
    for (const word of wordsOf(text)) if (word.length > 1) evidence += isRoot(word) ? hit : miss;
    return evidence;
  };
}
