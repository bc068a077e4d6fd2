/** Precision, recall and F1 of one label. */
export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  /** Texts whose expected label is this one. */
  support: number;
}

/** One kind of mistake and how often it happened. */
export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
}

/** Evaluation of predictions against expected labels. */
export interface ClassificationReport {
  n: number;
  correct: number;
  accuracy: number;
  /** Unweighted mean F1 over the expected labels (labels only ever predicted do not count). */
  macroF1: number;
  perLanguage: Record<string, LabelScores>;
  /** Most frequent mistakes first. */
  confusions: Confusion[];
}

/**
 * Accuracy, per-label precision/recall/F1, macro-F1 and confusions, as scikit-learn's
 * `classification_report` computes them (0 where a ratio is undefined).
 */
export function classificationReport(
  expected: readonly string[],
  predicted: readonly string[],
): ClassificationReport {
  if (expected.length !== predicted.length)
    throw new RangeError('expected and predicted differ in length');
  const truePositives = new Map<string, number>();
  const support = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const confusions = new Map<string, Confusion>();
  let correct = 0;
  for (let i = 0; i < expected.length; i++) {
    const gold = expected[i];
    const guess = predicted[i];
    support.set(gold, (support.get(gold) ?? 0) + 1);
    predictedCount.set(guess, (predictedCount.get(guess) ?? 0) + 1);
    if (gold === guess) {
      correct++;
      truePositives.set(gold, (truePositives.get(gold) ?? 0) + 1);
    } else {
      const key = `${gold}\u0000${guess}`;
      const confusion = confusions.get(key) ?? { expected: gold, predicted: guess, count: 0 };
      confusion.count++;
      confusions.set(key, confusion);
    }
  }
  const perLanguage: Record<string, LabelScores> = {};
  for (const label of [...support.keys()].sort()) {
    const tp = truePositives.get(label) ?? 0;
    const precision = ratio(tp, predictedCount.get(label) ?? 0);
    const recall = ratio(tp, support.get(label) ?? 0);
    const f1 = ratio(2 * precision * recall, precision + recall);
    perLanguage[label] = { precision, recall, f1, support: support.get(label) ?? 0 };
  }
  const f1s = Object.values(perLanguage).map((s) => s.f1);
  return {
    n: expected.length,
    correct,
    accuracy: ratio(correct, expected.length),
    macroF1: ratio(
      f1s.reduce((a, b) => a + b, 0),
      f1s.length,
    ),
    perLanguage,
    confusions: [...confusions.values()].sort(
      (a, b) =>
        b.count - a.count ||
        a.expected.localeCompare(b.expected) ||
        a.predicted.localeCompare(b.predicted),
    ),
  };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}
