/** Injection token of the {@link KeyVerifier}. */
export const KEY_VERIFIER = Symbol('KEY_VERIFIER');

/** Injection token of the per-key {@link RateLimiter}. */
export const KEY_RATE_LIMITER = Symbol('KEY_RATE_LIMITER');

/** Injection token of the per-client-IP {@link RateLimiter} of requests without a valid key. */
export const IP_RATE_LIMITER = Symbol('IP_RATE_LIMITER');
