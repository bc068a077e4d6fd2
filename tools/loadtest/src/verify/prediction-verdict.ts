/** The fields of a `PredictionView` the verifier judges. */
export interface PredictionSnapshot {
  status: string;
  language: string | null;
  confidence: number | null;
  submittedAt: string;
  completedAt: string | null;
  modelVersion: string | null;
}

/** Final state of one tracking id. */
export type PredictionOutcome = 'done' | 'failed' | 'not-found' | 'pending';

/** Judgement of one tracking id after its reads. */
export interface PredictionVerdict {
  outcome: PredictionOutcome;
  /** done with a language other than the label. */
  wrong: boolean;
  /**
   * The re-read disagrees with the first terminal read (status, completedAt, language
   * or confidence changed): the result was written more than once.
   */
  rewritten: boolean;
  /** completedAt − submittedAt in ms, when done. */
  submitToDoneMs: number | null;
  /** completedAt as epoch ms, when done. */
  completedAtMs: number | null;
}

/** Reads a `GET /v1/predictions/:id` body into a snapshot; throws on a body that is not a prediction. */
export function toSnapshot(body: string): PredictionSnapshot {
  return snapshotOf(JSON.parse(body));
}

/** Reads one parsed `PredictionView` (e.g. an item of a lookup) into a snapshot; throws if it is not one. */
export function snapshotOf(parsed: unknown): PredictionSnapshot {
  const view = (parsed ?? {}) as Partial<PredictionSnapshot>;
  if (typeof view.status !== 'string' || typeof view.submittedAt !== 'string') {
    throw new Error(`not a PredictionView: ${JSON.stringify(parsed).slice(0, 200)}`);
  }
  return {
    status: view.status,
    language: view.language ?? null,
    confidence: view.confidence ?? null,
    submittedAt: view.submittedAt,
    completedAt: view.completedAt ?? null,
    modelVersion: view.modelVersion ?? null,
  };
}

/**
 * Judges one id from its first terminal read (`null` = 404) and an optional re-read.
 * A `done` read must carry a completedAt; otherwise it counts as rewritten-suspect
 * through `rewritten` being true (a done result without its completion time is not
 * a result written once).
 */
export function judgePrediction(
  expectedLanguage: string | undefined,
  first: PredictionSnapshot | null,
  reread?: PredictionSnapshot | null,
): PredictionVerdict {
  if (first === null)
    return {
      outcome: 'not-found',
      wrong: false,
      rewritten: false,
      submitToDoneMs: null,
      completedAtMs: null,
    };
  const outcome: PredictionOutcome =
    first.status === 'done' ? 'done' : first.status === 'failed' ? 'failed' : 'pending';
  const rewritten =
    reread !== undefined &&
    (reread === null ||
      reread.status !== first.status ||
      reread.completedAt !== first.completedAt ||
      reread.language !== first.language ||
      reread.confidence !== first.confidence);
  if (outcome !== 'done')
    return { outcome, wrong: false, rewritten, submitToDoneMs: null, completedAtMs: null };
  const completedAtMs = first.completedAt === null ? NaN : Date.parse(first.completedAt);
  const submittedAtMs = Date.parse(first.submittedAt);
  const valid = Number.isFinite(completedAtMs) && Number.isFinite(submittedAtMs);
  return {
    outcome,
    wrong: expectedLanguage !== undefined && first.language !== expectedLanguage,
    rewritten: rewritten || !valid,
    submitToDoneMs: valid ? completedAtMs - submittedAtMs : null,
    completedAtMs: valid ? completedAtMs : null,
  };
}
