import { expectedCalibrationError } from './calibration-error';
import { independentAccuracy } from '@sibyl/langid-cli';
import { ClassificationReport, classificationReport } from '@sibyl/model';
import type { RunnerResult } from './runner-protocol';

/** Labels whose F1 the report shows separately (the close pairs). */
export const CLOSE_PAIR_LABELS = ['id', 'ms', 'nb', 'da', 'hr', 'sl', 'sr'] as const;

/** Everything measured for one system. */
export interface SystemFigures {
  name: string;
  note: string;
  sentences: ClassificationReport;
  paragraphs: ClassificationReport;
  /** Sentence accuracy over the 37 languages whose UDHR is not in the training data. */
  sentenceAccuracyIndependent: number;
  paragraphAccuracyIndependent: number;
  sentencesPerSecond: number;
  loadSeconds: number;
  peakRssMb: number;
  modelBytes: number | null;
  trainSeconds: number | null;
  trainPeakRssMb: number | null;
  /** Expected calibration error of the sentence confidences (null when not provided). */
  sentenceCalibrationError: number | null;
}

/** Scores a runner's predictions against the gold labels. */
export function figuresOf(
  name: string,
  note: string,
  result: RunnerResult,
  gold: { sentences: string[]; paragraphs: string[] },
  training: { seconds: number; peakRssMb: number | null } | null,
): SystemFigures {
  return {
    name,
    note,
    sentences: classificationReport(gold.sentences, result.sentencePredictions),
    paragraphs: classificationReport(gold.paragraphs, result.paragraphPredictions),
    sentenceAccuracyIndependent: independentAccuracy(gold.sentences, result.sentencePredictions),
    paragraphAccuracyIndependent: independentAccuracy(gold.paragraphs, result.paragraphPredictions),
    sentencesPerSecond: result.sentencesPerSecond,
    loadSeconds: result.loadSeconds,
    peakRssMb: result.peakRssMb,
    modelBytes: result.modelBytes ?? null,
    sentenceCalibrationError: result.sentenceConfidences
      ? expectedCalibrationError(
          result.sentenceConfidences,
          result.sentencePredictions.map((label, i) => label === gold.sentences[i]),
        )
      : null,
    trainSeconds: training?.seconds ?? null,
    trainPeakRssMb: training?.peakRssMb ?? null,
  };
}
