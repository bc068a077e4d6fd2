import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a submitted user/password with the configured credential in constant time (both sides hashed first,
 * so neither the length nor the content leaks through timing). False when no credential is configured.
 */
export function matchesConfiguredCredential(
  configured: { user?: string; password?: string },
  submitted: { user: string; password: string },
): boolean {
  if (!configured.user || !configured.password) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const userOk = timingSafeEqual(digest(configured.user), digest(submitted.user));
  const passwordOk = timingSafeEqual(digest(configured.password), digest(submitted.password));
  return userOk && passwordOk;
}
