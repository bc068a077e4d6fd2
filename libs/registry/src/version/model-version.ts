import { createHash } from 'node:crypto';
import { MODEL_VERSION_HEX_DIGITS, MODEL_VERSION_PREFIX } from '../registry.constants';

/** SHA-256 of the bytes, lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The registry version of an artifact, derived from its content only: the same bytes always
 * give the same version and different bytes a different one (`langid-<12 hex of sha256>`).
 */
export function modelVersionOf(bytes: Uint8Array): string {
  return versionFromSha256(sha256Hex(bytes));
}

/** The version of an artifact whose SHA-256 (hex) is known. */
export function versionFromSha256(sha256: string): string {
  return `${MODEL_VERSION_PREFIX}-${sha256.slice(0, MODEL_VERSION_HEX_DIGITS)}`;
}
