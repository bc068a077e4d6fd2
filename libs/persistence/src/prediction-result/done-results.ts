import { PredictionStatus } from '@sibyl/contracts';
import type { mongo } from 'mongoose';
import {
  PREDICTION_RESULTS_COLLECTION,
  type PredictionResultRecord,
} from './prediction-result.schema';

/** What a `done` result said, for comparing another model's answer with it. */
export interface DoneResultOutcome {
  language: string;
  confidence: number;
  modelVersion: string | null;
}

/** The fields of a `prediction_results` document read here. */
type DoneResultFields = Pick<
  PredictionResultRecord,
  '_id' | 'status' | 'language' | 'confidence' | 'modelVersion'
>;

/**
 * The `done` results of the given tracking ids (one `_id: {$in}` query, projected), keyed by id:
 * requests without a result yet, or whose result failed, are absent.
 */
export async function doneResultsById(
  db: mongo.Db,
  trackingIds: readonly string[],
): Promise<Map<string, DoneResultOutcome>> {
  const found = new Map<string, DoneResultOutcome>();
  if (trackingIds.length === 0) return found;
  const documents = await db
    .collection<DoneResultFields>(PREDICTION_RESULTS_COLLECTION)
    .find(
      { _id: { $in: [...trackingIds] } },
      { projection: { status: 1, language: 1, confidence: 1, modelVersion: 1 } },
    )
    .toArray();
  for (const { _id, status, language, confidence, modelVersion } of documents) {
    if (status !== PredictionStatus.Done || language === null) continue;
    found.set(_id, { language, confidence: confidence ?? 0, modelVersion });
  }
  return found;
}
