import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ClassificationReport,
  LanguageIdentifier,
  StoredMetrics,
  classificationReport,
} from '@sibyl/model';
import { readLabelledTexts } from './labelled-texts';

/** Waray's UDHR is half training data (the other half is its only test): excluded from "independent". */
export const PARTLY_TRAINED_LANGUAGE = 'war';

/** The held-out UDHR sets under `data/eval`, by metric name. */
export const UDHR_SETS: Readonly<Record<string, string>> = Object.freeze({
  udhrSentences: 'udhr-sentences.jsonl',
  udhrParagraphs: 'udhr-paragraphs.jsonl',
});

/** A report plus the figures the targets are stated in. */
export interface UdhrEvaluation {
  name: string;
  file: string;
  report: ClassificationReport;
  metrics: StoredMetrics;
}

/** Accuracy over all texts except those of {@link PARTLY_TRAINED_LANGUAGE}. */
export function independentAccuracy(expected: string[], predicted: string[]): number {
  let n = 0;
  let correct = 0;
  expected.forEach((label, i) => {
    if (label === PARTLY_TRAINED_LANGUAGE) return;
    n++;
    if (predicted[i] === label) correct++;
  });
  return n === 0 ? 0 : correct / n;
}

/** The languages of the close pairs (issue 13), whose F1 is stored with the model. */
export const CLOSE_PAIR_LANGUAGES: readonly string[] = ['ms', 'id', 'hr', 'sr', 'nb', 'da'];

/** `{ f1Ms, f1Id, f1Hr, ... }`: F1 of each close-pair language (null when absent). */
function closePairF1(report: ClassificationReport): Record<string, number | null> {
  return Object.fromEntries(
    CLOSE_PAIR_LANGUAGES.map((language) => [
      `f1${language[0].toUpperCase()}${language[1]}`,
      report.perLanguage[language]?.f1 ?? null,
    ]),
  );
}

/** Evaluates `model` on every UDHR set present in `evalDir` (none present → empty list). */
export async function evaluateUdhr(
  model: LanguageIdentifier,
  evalDir: string,
): Promise<UdhrEvaluation[]> {
  const results: UdhrEvaluation[] = [];
  for (const [name, fileName] of Object.entries(UDHR_SETS)) {
    const file = join(evalDir, fileName);
    if (!existsSync(file)) continue;
    const items = await readLabelledTexts(file);
    const expected = items.map((item) => item.lang);
    const predicted = model.predictMany(items.map((item) => item.text)).map((p) => p.language);
    const report = classificationReport(expected, predicted);
    results.push({
      name,
      file,
      report,
      metrics: {
        n: report.n,
        accuracy: report.accuracy,
        macroF1: report.macroF1,
        accuracyIndependent: independentAccuracy(expected, predicted),
        ...closePairF1(report),
      },
    });
  }
  return results;
}
