import { createHash } from 'node:crypto';

/** 2^32: the range of the hash prefix {@link sampledIn} compares. */
const HASH_RANGE = 0x100000000;

/**
 * Whether a request belongs to a shadow sample of fraction `sample`: the first 32 bits of the
 * SHA-256 of its tracking id, as a fraction of 2^32, are below `sample`. Deterministic, so every
 * predictor (and a redelivery) decides the same for the same request, and uniform over ids.
 */
export function sampledIn(trackingId: string, sample: number): boolean {
  if (sample >= 1) return true;
  const prefix = createHash('sha256').update(trackingId).digest().readUInt32BE(0);
  return prefix / HASH_RANGE < sample;
}
