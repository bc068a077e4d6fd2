/** A registered model version and the checksum of its artifact. */
export interface ModelRef {
  version: string;
  sha256: string;
}

/**
 * Where the predictor finds the live model: the model registry in production (`RegistryModelSource`), a fake in
 * unit tests. The swap machinery depends on this interface only.
 */
export interface ModelSource {
  /** The live version, or `null` when no version is live (an empty registry). */
  live(): Promise<ModelRef | null>;
  /** The artifact bytes of `version`, checksum verified; throws when they cannot be read or do not match. */
  fetch(version: string): Promise<Buffer>;
}
