import type { PredictionRequest } from '@sibyl/contracts';
import type { PredictionRecord } from '@sibyl/persistence';

/** The stored fields a `prediction.requested.v1` message is made of. */
export type PublishableRecord = Pick<
  PredictionRecord,
  '_id' | 'text' | 'submittedAt' | 'publishAttempts' | 'owner'
>;

/** Publishes recorded for a stored request (at least 1: the one that follows its insert). */
export function recordedAttempts(record: Pick<PredictionRecord, 'publishAttempts'>): number {
  return Math.max(record.publishAttempts ?? 1, 1);
}

/**
 * The message that publishes a stored request: the one mapping from record to message, used for
 * the first publish after submission (`attempt` = the attempts recorded) and by the outbox sweep
 * (one more than recorded). The owner goes along, for the completion announcement.
 */
export function toPredictionRequest(
  record: PublishableRecord,
  attempt: number = recordedAttempts(record),
): PredictionRequest {
  const request: PredictionRequest = {
    trackingId: record._id,
    text: record.text,
    submittedAt: new Date(record.submittedAt).toISOString(),
    attempt,
  };
  if (record.owner !== undefined && record.owner !== null) request.owner = record.owner;
  return request;
}
