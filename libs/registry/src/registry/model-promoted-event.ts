import type { ModelPromotedV1 } from '@sibyl/contracts';
import type { LiveModelChange } from './model-registry.types';

/** The `model.promoted.v1` fields announcing a promotion or rollback the registry made. */
export function modelPromotedEvent(change: LiveModelChange): Omit<ModelPromotedV1, 'type'> {
  return {
    version: change.record.version,
    sha256: change.record.sha256,
    previousVersion: change.previousVersion,
    action: change.action,
    at: change.at.toISOString(),
  };
}
