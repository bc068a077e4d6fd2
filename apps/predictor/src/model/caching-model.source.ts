import type { ModelRef, ModelSource } from './model-source.interface';

/** Artifacts a predictor keeps by default: the served one and the one before (a rollback target). */
export const DEFAULT_CACHED_ARTIFACTS = 2;

/**
 * A {@link ModelSource} that keeps the bytes (not the decoded model) of the last few artifacts it fetched, so
 * that swapping back to a version served before (a rollback) skips the registry read. The loader still checks
 * the bytes against the registry's sha256 on every load.
 */
export class CachingModelSource implements ModelSource {
  private readonly artifacts = new Map<string, Buffer>();

  constructor(
    private readonly source: ModelSource,
    private readonly capacity = DEFAULT_CACHED_ARTIFACTS,
  ) {}

  /** The live version, always read from the source. */
  live(): Promise<ModelRef | null> {
    return this.source.live();
  }

  /** The cached bytes of `version`, or the source's (then cached, evicting the least recently used). */
  async fetch(version: string): Promise<Buffer> {
    let bytes = this.artifacts.get(version);
    if (bytes) this.artifacts.delete(version);
    else bytes = await this.source.fetch(version);
    this.artifacts.set(version, bytes);
    while (this.artifacts.size > this.capacity) {
      this.artifacts.delete(this.artifacts.keys().next().value as string);
    }
    return bytes;
  }
}
