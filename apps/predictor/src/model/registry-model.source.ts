import type { ModelRegistry } from '@sibyl/registry';
import type { ModelRef, ModelSource } from './model-source.interface';

/** The model registry (`models` and `model_chunks` in the predictor's database) as a {@link ModelSource}. */
export class RegistryModelSource implements ModelSource {
  constructor(private readonly registry: ModelRegistry) {}

  /** The live version and its checksum, or `null` when the registry has no live model. */
  async live(): Promise<ModelRef | null> {
    const record = await this.registry.live();
    return record ? { version: record._id, sha256: record.sha256 } : null;
  }

  /** The reassembled artifact; the registry verifies it against the recorded sha256 (`ModelChecksumError`). */
  fetch(version: string): Promise<Buffer> {
    return this.registry.fetchArtifact(version);
  }
}
