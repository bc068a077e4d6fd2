import { randomUUID } from 'node:crypto';
import { LabelledText } from '../texts/labelled-texts';

/** Model version written into filled results (marks them as filler in any report). */
export const FILL_MODEL_VERSION = 'fill';

/** Milliseconds between a filled request's submission and its result. */
const FILL_LATENCY_MS = 7;

/** Candidates stored per filled result, as a predictor stores them. */
const FILL_TOP_SIZE = 3;

/** A request and its result, shaped as the gateway and a predictor store them. */
export interface FilledPair {
  request: Record<string, unknown>;
  result: Record<string, unknown>;
}

/**
 * The request (with `text` and `owner`) and the `done` result of one past prediction submitted at
 * `submittedAt`: the same fields, types and sizes as the gateway and the predictors write.
 */
export function filledPair(
  text: LabelledText,
  submittedAt: Date,
  owner: string,
  others: readonly string[],
): FilledPair {
  const _id = randomUUID();
  const top = [text.lang, ...others.filter((lang) => lang !== text.lang)]
    .slice(0, FILL_TOP_SIZE)
    .map((language, rank) => ({ language, score: rank === 0 ? 0.93 : 0.05 / rank }));
  return {
    request: { _id, text: text.text, submittedAt, publishAttempts: 1, owner },
    result: {
      _id,
      status: 'done',
      submittedAt,
      completedAt: new Date(submittedAt.getTime() + FILL_LATENCY_MS),
      language: text.lang,
      languageName: text.lang,
      nativeName: text.lang,
      confidence: top[0].score,
      top,
      modelVersion: FILL_MODEL_VERSION,
      error: null,
      feedback: null,
    },
  };
}
