import { PredictionStatus, PredictionView } from '@sibyl/contracts';
import type { PredictionResultRecord } from '@sibyl/persistence';
import type { RequestSnapshot } from '../records/prediction.store';

/** The API view of a finished request, from its result. */
export function toPredictionView(result: PredictionResultRecord): PredictionView {
  return {
    trackingId: result._id,
    status: result.status,
    language: result.language ?? null,
    languageName: result.languageName ?? null,
    nativeName: result.nativeName ?? null,
    confidence: result.confidence ?? null,
    top: (result.top ?? []).map(({ language, score }) => ({ language, score })),
    modelVersion: result.modelVersion ?? null,
    submittedAt: new Date(result.submittedAt).toISOString(),
    completedAt: new Date(result.completedAt).toISOString(),
    error: result.error ?? null,
  };
}

/** The API view of a request that has no result yet. */
export function toQueuedView(request: RequestSnapshot): PredictionView {
  return {
    trackingId: request._id,
    status: PredictionStatus.Queued,
    language: null,
    languageName: null,
    nativeName: null,
    confidence: null,
    top: [],
    modelVersion: null,
    submittedAt: new Date(request.submittedAt).toISOString(),
    completedAt: null,
    error: null,
  };
}
