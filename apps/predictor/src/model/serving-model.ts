import type { LanguageModel } from './model.constants';

/** Where a served model came from. */
export type ModelOrigin = 'registry' | 'file';

/** A loaded model and the identity every result it produces records. */
export interface ServedModel {
  /** Content-derived registry version (recorded as `modelVersion` in results). */
  version: string;
  sha256: string;
  origin: ModelOrigin;
  model: LanguageModel;
  loadedAt: Date;
  /** How its load went (absent for a model built in-process, e.g. in tests). */
  load?: ModelLoadReport;
}

/** Where the time of a load went, and whether serving went on meanwhile. */
export interface ModelLoadReport {
  /** Reading the artifact from the registry (0 for a file; a cached artifact is not re-read). */
  fetchMs: number;
  /** Checksum, gunzip and table building (in the decode worker). */
  decodeMs: number;
  /** Time the event loop itself spent on it (rewrapping the decoded tables). */
  eventLoopMs: number;
  /** When decoding started; it ended at `loadedAt`. */
  decodeStartedAt: Date;
  /** Batches this predictor classified with the old model while the new one was decoded (swaps only). */
  batchesWhileDecoding?: number;
}

/** Why the last attempt to load a model failed (cleared by the next successful load). */
export interface ModelLoadFailure {
  version: string;
  /** Metric label: `checksum`, `fetch`, `decode` or `registry`. */
  reason: string;
  message: string;
  at: Date;
}

/**
 * The model the predictor serves right now. A batch reads it once ({@link forBatch}), synchronously, and uses that
 * model for all its texts, so a {@link replace} takes effect between two batches, never within one; the
 * replaced model is freed (garbage collected) when the last batch holding it has finished.
 */
export class ServingModel {
  private served: ServedModel;
  private failure: ModelLoadFailure | undefined;
  private batchCount = 0;

  constructor(initial: ServedModel) {
    this.served = initial;
  }

  /** The model served now (for health and metrics; a batch takes it with {@link forBatch}). */
  get current(): ServedModel {
    return this.served;
  }

  /** The model to use for the next batch, counted in {@link batches}. */
  forBatch(): ServedModel {
    this.batchCount++;
    return this.served;
  }

  /** Batches that took a model since the start. */
  get batches(): number {
    return this.batchCount;
  }

  /** The last failed load since the last successful one, if any. */
  get lastFailure(): ModelLoadFailure | undefined {
    return this.failure;
  }

  /** Makes `next` the served model (for the next batch) and returns the one it replaces. */
  replace(next: ServedModel): ServedModel {
    const previous = this.served;
    this.served = next;
    this.failure = undefined;
    return previous;
  }

  /** Forgets the last failure (the registry went back to the served version, e.g. by a rollback). */
  clearFailure(): void {
    this.failure = undefined;
  }

  /** Remembers a failed load (the current model keeps serving). */
  recordFailure(failure: ModelLoadFailure): void {
    this.failure = failure;
  }
}
