import type { ShadowReport } from '../model-record';

/** A shadow evaluation: a candidate classifying a sample of live traffic beside the live model. */
export interface ShadowRun {
  /** `active` for the one active run; the run id once it is finished. */
  _id: string;
  runId: string;
  /** The candidate and its artifact checksum (verified by the predictors that load it). */
  version: string;
  sha256: string;
  /** The live version when the run started. */
  liveVersion: string;
  /** Fraction of requests evaluated, chosen by a hash of the tracking id (0 < sample ≤ 1). */
  sample: number;
  /** The run stops after this many shadow predictions. */
  max: number;
  /** `x-max-length` of the shadow queue, so every declaration agrees. */
  queueMaxLength: number;
  startedAt: Date;
  /** Who started it. */
  actor: string;
  /** Shadow predictions counted so far (a prediction is counted before it is stored). */
  predictions: number;
  /** Set when it is finished. */
  stoppedAt?: Date;
  stopReason?: string;
  report?: ShadowReport;
}

/** What the live model answered for a request (only `done` results). */
export interface LiveOutcome {
  language: string;
  confidence: number;
  modelVersion: string | null;
}

/** Looks up the `done` live results of tracking ids (missing ones are absent from the map). */
export type LiveOutcomeLookup = (
  trackingIds: readonly string[],
) => Promise<Map<string, LiveOutcome>>;

/** One shadow prediction (`shadow_results`): never a client's result, never announced. */
export interface ShadowResult {
  /** `<run id>:<tracking id>`: a redelivered copy overwrites, never duplicates. */
  _id: string;
  runId: string;
  trackingId: string;
  /** The candidate version that produced it. */
  version: string;
  /** The text, truncated to SHADOW_TEXT_CHARS. */
  text: string;
  language: string;
  confidence: number;
  at: Date;
  /** The live result, when it was already stored at shadow time (else looked up by the report). */
  live?: LiveOutcome;
}

/** What {@link ShadowRuns.start} needs. */
export interface StartShadowOptions {
  version: string;
  sample: number;
  max: number;
  queueMaxLength: number;
  actor: string;
}
