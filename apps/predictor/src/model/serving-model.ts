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
 * The model the predictor serves right now. A batch reads {@link current} once, synchronously, and uses that
 * model for all its texts, so a {@link replace} takes effect between two batches, never within one; the
 * replaced model is freed (garbage collected) when the last batch holding it has finished.
 */
export class ServingModel {
  private served: ServedModel;
  private failure: ModelLoadFailure | undefined;

  constructor(initial: ServedModel) {
    this.served = initial;
  }

  /** The model to use for the next batch. */
  get current(): ServedModel {
    return this.served;
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
