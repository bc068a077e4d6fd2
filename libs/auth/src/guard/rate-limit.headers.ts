import type { TakeResult } from '../rate-limit/token-bucket';

/**
 * The IETF `RateLimit-Limit` / `RateLimit-Remaining` / `RateLimit-Reset` headers
 * (draft-ietf-httpapi-ratelimit-headers-07) of a bucket take, and `Retry-After` when refused.
 */
export function rateLimitHeaders(result: TakeResult): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(result.limit),
    'RateLimit-Remaining': String(result.remaining),
    'RateLimit-Reset': String(result.resetSeconds),
  };
  if (!result.allowed) headers['Retry-After'] = String(result.retryAfterSeconds);
  return headers;
}

/** Headers browsers may read on a cross-origin answer (CORS `exposedHeaders`). */
export const RATE_LIMIT_HEADER_NAMES = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
] as const;
