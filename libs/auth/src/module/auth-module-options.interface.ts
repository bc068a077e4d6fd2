import type { StoreDeadline } from '../keys/key-verifier';

/** Options of {@link AuthModule}. */
export interface AuthModuleOptions {
  /**
   * False only for `AUTH=off` (the app must have checked that it binds to loopback): every request
   * then acts as an anonymous key holding every scope, without ownership or rate limits.
   */
  enabled: boolean;
  /** Verified-key cache TTL: how long a revoked key may still work in this process. Default 5000 ms. */
  cacheTtlMs?: number;
  /** Least time between two `lastUsedAt` writes of a key. Default 60000 ms. */
  lastUsedIntervalMs?: number;
  /**
   * Default token bucket of every key (`RATE_LIMIT_PER_SECOND`, `RATE_LIMIT_BURST`); a key's own
   * `rateLimit` replaces the rate and scales the burst alike. Absent = keys are not rate limited.
   */
  rateLimit?: { perSecond: number; burst: number };
  /** Requests without a valid key allowed per client IP and minute (`UNAUTH_RATE_LIMIT_PER_MINUTE`). Default 60. */
  unauthenticatedPerMinute?: number;
  /** Proxies in front of the app whose `X-Forwarded-For` entries are trusted (`TRUST_PROXY`). Default 0. */
  trustProxyHops?: number;
  /**
   * Bounds the database lookup of a key that is not cached (the app's DATABASE_OPERATION_TIMEOUT_MS);
   * an `HttpException` it rejects with is the answer. Absent = unbounded.
   */
  deadline?: StoreDeadline;
}

/** {@link AuthModuleOptions} with every default applied. */
export type ResolvedAuthOptions = Required<Omit<AuthModuleOptions, 'rateLimit' | 'deadline'>> &
  Pick<AuthModuleOptions, 'rateLimit' | 'deadline'>;

/** Applies the defaults. */
export function resolveAuthOptions(options: AuthModuleOptions): ResolvedAuthOptions {
  return {
    cacheTtlMs: 5000,
    lastUsedIntervalMs: 60000,
    unauthenticatedPerMinute: 60,
    trustProxyHops: 0,
    ...options,
  };
}
