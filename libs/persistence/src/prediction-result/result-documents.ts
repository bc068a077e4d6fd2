import { PredictionStatus } from '@sibyl/contracts';
import type { PredictionResultRecord, StoredLanguageScore } from './prediction-result.schema';

/** Identity and timing of a result. */
export interface ResultStamp {
  trackingId: string;
  submittedAt: Date;
  completedAt: Date;
}

/** The fields of a successful prediction. */
export interface DoneResultFields {
  language: string;
  languageName: string;
  nativeName: string;
  confidence: number;
  top: StoredLanguageScore[];
  modelVersion: string;
}

/** The fields every result document starts with: its id, status and timing. */
function stampedAs(
  { trackingId, submittedAt, completedAt }: ResultStamp,
  status: PredictionResultRecord['status'],
): Pick<PredictionResultRecord, '_id' | 'status' | 'submittedAt' | 'completedAt'> {
  return { _id: trackingId, status, submittedAt, completedAt };
}

/** A complete `done` result document (every field set, so inserts can skip Mongoose hydration). */
export function doneResultDocument(
  stamp: ResultStamp,
  fields: DoneResultFields,
): PredictionResultRecord {
  return {
    ...stampedAs(stamp, PredictionStatus.Done),
    ...fields,
    error: null,
    feedback: null,
  };
}

/** A complete `failed` result document with its reason. */
export function failedResultDocument(
  stamp: ResultStamp,
  error: string,
  modelVersion: string | null,
): PredictionResultRecord {
  return {
    ...stampedAs(stamp, PredictionStatus.Failed),
    language: null,
    languageName: null,
    nativeName: null,
    confidence: null,
    top: [],
    modelVersion,
    error,
    feedback: null,
  };
}
