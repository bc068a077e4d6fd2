/** How long the readiness probe waits for the gateway. */
export const GATEWAY_HEALTH_TIMEOUT_MS = 2000;

/** Injection token of the `fetch` the gateway probe uses (the global one; unit tests inject a fake). */
export const HEALTH_FETCH = Symbol('HEALTH_FETCH');
