import { DEFAULT_MODEL_RECHECK_INTERVAL_MS } from '../registry.constants';
import type { LiveModelChange } from './model-registry.types';

/**
 * What the CLI and the gateway say when a promotion or rollback stands in the database but its
 * `model.promoted.v1` event could not be published: the cause, and that predictors pick the live
 * model up at their periodic re-check (MODEL_RECHECK_INTERVAL_MS) instead.
 */
export function unannouncedChangeMessage(change: LiveModelChange, cause: string): string {
  return (
    `${change.record.version} is live, but model.promoted.v1 was not published (${cause}); ` +
    'predictors pick it up at their periodic re-check of the live model, within ' +
    `MODEL_RECHECK_INTERVAL_MS (default ${DEFAULT_MODEL_RECHECK_INTERVAL_MS / 1000} s)`
  );
}
