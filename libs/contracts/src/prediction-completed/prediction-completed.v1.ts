import { parseJsonObject, type ParseResult } from '../messages';
import { PredictionStatus } from '../rest/prediction.view';

/** One request of a {@link PredictionCompletedV1} batch: enough for an event stream, no text. */
export interface CompletedPrediction {
  /** The request's tracking id (its result is stored under this `_id`). */
  trackingId: string;
  /** Id of the API key that submitted it (absent with AUTH=off or from an older gateway). */
  owner?: string;
  /** `done` or `failed`. */
  status: PredictionStatus.Done | PredictionStatus.Failed;
  /** Detected language (null when failed). */
  language: string | null;
  /** Confidence of `language` (null when failed). */
  confidence: number | null;
  /** Model that produced the result. */
  modelVersion: string | null;
}

/**
 * `prediction.completed.v1` — published by a predictor on the completed fanout exchange after a
 * batch of results is durably stored: one message per batch, listing only the requests that
 * received their result with that write. Best-effort (not persistent, not confirmed): a lost
 * message only delays a waiter to its safety re-check; the stored result is the truth.
 *
 * Body: UTF-8 JSON. AMQP properties: `type` = {@link MessagingV1.PredictionCompleted},
 * `contentType` = application/json, `deliveryMode` = 1 (transient).
 */
export interface PredictionCompletedV1 {
  /** Schema version of this body. */
  v: 1;
  /** When the batch was stored (ISO-8601), the `completedAt` of every result in it. */
  completedAt: string;
  /** The requests whose results were stored. */
  items: CompletedPrediction[];
}

const FINISHED: ReadonlySet<string> = new Set([PredictionStatus.Done, PredictionStatus.Failed]);

/** Serialises a completion batch; the inverse of {@link parsePredictionCompletedV1}. */
export function encodePredictionCompletedV1(
  completedAt: Date,
  items: CompletedPrediction[],
): Buffer {
  const body: PredictionCompletedV1 = { v: 1, completedAt: completedAt.toISOString(), items };
  return Buffer.from(JSON.stringify(body), 'utf8');
}

/**
 * Decodes a `prediction.completed.v1` body. Checked by hand, not by class-validator: every
 * gateway parses every completion of the deployment, so it must cost little. Never throws; a
 * malformed body yields `{ ok: false, reason }`. Items without a usable tracking id are dropped
 * (counted in the reason only when none is usable).
 */
export function parsePredictionCompletedV1(
  body: Buffer | string,
): ParseResult<PredictionCompletedV1> {
  const parsed = parseJsonObject(body);
  if (!parsed.ok) return parsed;
  const plain = parsed.value as Partial<PredictionCompletedV1>;
  if (plain.v !== 1) return { ok: false, reason: 'v: must be 1' };
  if (typeof plain.completedAt !== 'string' || Number.isNaN(Date.parse(plain.completedAt))) {
    return { ok: false, reason: 'completedAt: must be an ISO-8601 date' };
  }
  if (!Array.isArray(plain.items)) return { ok: false, reason: 'items: must be an array' };
  const items = plain.items.filter(isCompletedPrediction);
  if (items.length === 0 && plain.items.length > 0) {
    return { ok: false, reason: 'items: none has a string trackingId and a finished status' };
  }
  return { ok: true, value: { v: 1, completedAt: plain.completedAt, items } };
}

function isCompletedPrediction(item: unknown): item is CompletedPrediction {
  if (typeof item !== 'object' || item === null) return false;
  const candidate = item as Partial<CompletedPrediction>;
  return (
    typeof candidate.trackingId === 'string' &&
    typeof candidate.status === 'string' &&
    FINISHED.has(candidate.status) &&
    (candidate.owner === undefined || typeof candidate.owner === 'string')
  );
}
