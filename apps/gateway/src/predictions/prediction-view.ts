import { PredictionStatus, PredictionView } from '@sibyl/contracts';
import type { PredictionSnapshot } from '../records/prediction.store';

/** The API view of a stored request (result fields null until it is done). */
export function toPredictionView(snapshot: PredictionSnapshot): PredictionView {
  return {
    trackingId: snapshot._id,
    status: snapshot.status ?? PredictionStatus.Queued,
    language: snapshot.language ?? null,
    languageName: snapshot.languageName ?? null,
    nativeName: snapshot.nativeName ?? null,
    confidence: snapshot.confidence ?? null,
    top: (snapshot.top ?? []).map(({ language, score }) => ({ language, score })),
    modelVersion: snapshot.modelVersion ?? null,
    submittedAt: new Date(snapshot.submittedAt).toISOString(),
    completedAt: snapshot.completedAt ? new Date(snapshot.completedAt).toISOString() : null,
    error: snapshot.error ?? null,
  };
}
