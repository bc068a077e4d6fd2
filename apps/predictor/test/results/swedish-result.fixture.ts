import { PredictionStatus } from '@sibyl/contracts';
import type { LanguagePrediction } from '@sibyl/model';
import type { PredictionResultFields, ResultEntry } from '../../src/results/result.writer';

/** What the (fake) model of the predictor's unit specs answers for a Swedish text. */
export const SWEDISH_PREDICTION: LanguagePrediction = {
  language: 'sv',
  confidence: 0.9,
  top: [
    { language: 'sv', score: 0.9 },
    { language: 'nb', score: 0.07 },
    { language: 'da', score: 0.03 },
  ],
};

/** The stored result fields of {@link SWEDISH_PREDICTION} (display names resolved) by model `m1`. */
export const SWEDISH_RESULT: PredictionResultFields = {
  language: 'sv',
  languageName: 'Swedish',
  nativeName: 'Svenska',
  confidence: SWEDISH_PREDICTION.confidence,
  top: SWEDISH_PREDICTION.top,
  modelVersion: 'm1',
};

/** A done result entry for `trackingId`, as the prediction service hands it to the writer. */
export function doneEntry(
  trackingId: string,
  submittedAt: Date,
  result: PredictionResultFields = SWEDISH_RESULT,
): ResultEntry {
  return { trackingId, submittedAt, status: PredictionStatus.Done, result };
}
