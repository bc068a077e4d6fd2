/** The main model's two best languages for one text, and its log-odds of the first over the second. */
export interface TopTwo {
  first: string;
  second: string;
  logOdds: number;
}

/**
 * How a lever settles one confusable pair: a score of the pair's first language over its second
 * (> 0 = first, NaN = keep the main model's order), given the text and the main model's log-odds
 * of the pair's first language.
 */
export interface PairRule {
  languages: readonly [string, string];
  score: (text: string, mainLogOdds: number) => number;
}

/** One measured lever: its rules for the pairs, by name. */
export interface Lever {
  label: string;
  rules: PairRule[];
}

/**
 * The label a lever gives `text`: the main model's best, unless its two best are a pair one of
 * `rules` settles, as the model's own pair stages do.
 */
export function decideLanguage(text: string, top: TopTwo, rules: readonly PairRule[]): string {
  for (const rule of rules) {
    const [a, b] = rule.languages;
    const forward = top.first === a && top.second === b;
    if (!forward && !(top.first === b && top.second === a)) continue;
    const score = rule.score(text, forward ? top.logOdds : -top.logOdds);
    if (Number.isNaN(score)) return top.first;
    return score > 0 ? a : b;
  }
  return top.first;
}

/** Accuracy and the errors counted by pair (`ms/id`, ...; `other` for the rest). */
export interface PairErrors {
  accuracy: number;
  errors: Record<string, number>;
}

/** Counts `predicted` against `expected`, each error under the pair it falls in. */
export function pairErrors(
  expected: readonly string[],
  predicted: readonly string[],
  pairs: ReadonlyArray<readonly [string, string]>,
): PairErrors {
  const errors: Record<string, number> = Object.fromEntries(
    [...pairs.map((pair) => pair.join('/')), 'other'].map((key) => [key, 0]),
  );
  let wrong = 0;
  expected.forEach((label, i) => {
    if (predicted[i] === label) return;
    wrong++;
    const pair = pairs.find((p) => p.includes(label) && p.includes(predicted[i]));
    errors[pair ? pair.join('/') : 'other']++;
  });
  return { accuracy: expected.length === 0 ? 0 : 1 - wrong / expected.length, errors };
}
