/** Why a model could not be loaded: the metric label of `sibyl_model_load_failures_total{reason}`. */
export type ModelLoadFailureReason = 'fetch' | 'checksum' | 'decode' | 'timeout';

/**
 * A model that could not be loaded, with the metric label of why (`fetch`, `checksum`, `decode`, or `timeout`:
 * the decode worker did not answer within MODEL_DECODE_TIMEOUT_MS).
 */
export class ModelLoadError extends Error {
  constructor(
    readonly version: string,
    readonly reason: ModelLoadFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}
