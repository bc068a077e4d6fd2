import * as crypto from 'node:crypto';

/** Prefix of every API key (recognisable in configs and by secret scanners). */
export const API_KEY_PREFIX = 'sk_';

/** Random bytes in a key (encoded as base64url after the prefix). */
export const API_KEY_RANDOM_BYTES = 32;

/** Shape of a key: the prefix and 43 base64url characters (32 bytes). */
const API_KEY_PATTERN = /^sk_[A-Za-z0-9_-]{43}$/;

/** A new random API key, `sk_` + base64url(32 random bytes). Shown once; only its hash is stored. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + crypto.randomBytes(API_KEY_RANDOM_BYTES).toString('base64url');
}

/**
 * The stored id of a key: the SHA-256 of the whole key, in hex. Runs on every authenticated
 * request: the one-shot `crypto.hash` (Node ≥ 20.12) costs about a third of a Hash object.
 */
export function hashApiKey(key: string): string {
  return typeof crypto.hash === 'function'
    ? crypto.hash('sha256', key, 'hex')
    : crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True if `value` has the shape of a key (cheap check before any database lookup). */
export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/** Names of keys: what `npm run keys -- revoke NAME` and `DELETE /v1/keys/:name` take. */
export const KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
