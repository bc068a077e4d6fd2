import type { MetricDeltas, ModelRecord } from '../model-record';

/** Options of {@link ModelRegistry.promote}. */
export interface PromoteOptions {
  /** Who promotes (OS user / `--actor`, or the API key). */
  actor: string;
  /** Why; required when `force` overrides the gate. */
  reason?: string;
  /** Promote even when the gate refuses (recorded as `forced`). */
  force?: boolean;
  /** Allowed held-out accuracy drop (PROMOTION_MAX_ACCURACY_DROP); default 0.002. */
  margin?: number;
}

/** Options of {@link ModelRegistry.rollback}. */
export interface RollbackOptions {
  actor: string;
  reason?: string;
}

/** What a promotion or rollback changed: what to publish as `model.promoted.v1`. */
export interface LiveModelChange {
  action: 'promote' | 'rollback';
  /** The model live now, as stored after the change. */
  record: ModelRecord;
  /** The model it replaced (null for the first promotion). */
  previousVersion: string | null;
  /** New live minus replaced (null when nothing was live). */
  deltas: MetricDeltas | null;
  /** True when `force` overrode a refusing gate. */
  forced: boolean;
  at: Date;
}

/** A `model_chunks` document. */
export interface ModelChunkDocument {
  /** `<version>:<n>` */
  _id: string;
  version: string;
  n: number;
  data: Uint8Array;
}
