/** Longest `wait` (ms) the demo forwards; the gateway caps it at its own MAX_WAIT_MS anyway. */
export const MAX_FORWARDED_WAIT_MS = 60_000;

/** Margin beyond the long-poll wait before a forwarded request is given up. */
export const FORWARD_TIMEOUT_MARGIN_MS = 15_000;

/** JSON body limit of the dashboard: large enough for the gateway to answer its own size-limit message. */
export const DEMO_BODY_LIMIT = '1mb';

/** Injection token of the fetch function the forwarder uses (replaced in unit tests). */
export const DEMO_FETCH = Symbol('DEMO_FETCH');
