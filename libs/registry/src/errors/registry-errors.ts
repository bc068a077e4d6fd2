import type { MetricDeltas } from '../model-record';

/** Base class of the registry's errors; `status` is the HTTP status a gateway answers with. */
export abstract class RegistryError extends Error {
  abstract readonly status: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stored bytes of a version do not match its recorded SHA-256 (or chunks are missing). */
export class ModelChecksumError extends RegistryError {
  readonly status = 500;
  constructor(
    readonly version: string,
    detail: string,
  ) {
    super(`model ${version} refused: its stored artifact is corrupt (${detail})`);
  }
}

/** No model with that version is registered. */
export class ModelNotFoundError extends RegistryError {
  readonly status = 404;
  constructor(readonly version: string) {
    super(`no model ${version} in the registry`);
  }
}

/** A request that contradicts the registry's state (already live, nothing to roll back to…). */
export class RegistryConflictError extends RegistryError {
  readonly status = 409;
}

/** A malformed request (a forced promotion without a reason…). */
export class RegistryUsageError extends RegistryError {
  readonly status = 400;
}

/** The promotion gate refused a candidate: its held-out accuracy is too far below the live one. */
export class PromotionRefusedError extends RegistryError {
  readonly status = 409;
  constructor(
    readonly version: string,
    /** Candidate minus live; null when nothing is live (the candidate has no usable metrics). */
    readonly deltas: MetricDeltas | null,
    readonly margin: number,
  ) {
    super(
      `promotion of ${version} refused: ` +
        (deltas
          ? `held-out accuracy ${formatDelta(deltas.heldOutAccuracy)} against live ` +
            `${deltas.against} exceeds the allowed drop of ${margin}`
          : 'it has no held-out accuracy') +
        ' (force it with a reason to override)',
    );
  }
}

/** A signed delta with 4 decimals (`+0.0012`, `-0.0300`). */
export function formatDelta(delta: number): string {
  return `${delta >= 0 ? '+' : ''}${delta.toFixed(4)}`;
}
