import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every API key (recognisable in configs and by secret scanners). */
export const API_KEY_PREFIX = 'sk_';

/** Random bytes in a key (encoded as base64url after the prefix). */
export const API_KEY_RANDOM_BYTES = 32;

/** Shape of a key: the prefix and 43 base64url characters (32 bytes). */
const API_KEY_PATTERN = /^sk_[A-Za-z0-9_-]{43}$/;

/** A new random API key, `sk_` + base64url(32 random bytes). Shown once; only its hash is stored. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(API_KEY_RANDOM_BYTES).toString('base64url');
}

/** The stored id of a key: the SHA-256 of the whole key, in hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True if `value` has the shape of a key (cheap check before any database lookup). */
export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/** Names of keys: what `npm run keys -- revoke NAME` and `DELETE /v1/keys/:name` take. */
export const KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
