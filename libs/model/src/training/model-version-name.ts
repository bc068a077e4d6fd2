import { createHash } from 'node:crypto';
import type { ModelHyperParameters } from '../artifact/model-info';

/** Hex digits of the corpus-and-options hash in a default model version. */
const VERSION_HASH_DIGITS = 8;

/**
 * The default `modelVersion` of a trained model: `langid-YYYY.MM.DD-<8 hex>`, the hex a SHA-256
 * over the corpus hash AND every hyper-parameter, so that two models trained on the same day
 * with different options (e.g. `--max-lines-per-lang 0`) get different versions. The model
 * registry's own version is derived from the artifact bytes (`langid-<12 hex>`).
 */
export function defaultModelVersion(
  createdAt: Date,
  corpusSha256: string,
  hyperParameters: ModelHyperParameters,
): string {
  const hash = createHash('sha256')
    .update(corpusSha256)
    .update(JSON.stringify(hyperParameters))
    .digest('hex')
    .slice(0, VERSION_HASH_DIGITS);
  return `langid-${createdAt.toISOString().slice(0, 10).replace(/-/g, '.')}-${hash}`;
}
