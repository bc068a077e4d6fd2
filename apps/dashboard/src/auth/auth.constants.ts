/** Name of the dashboard's session cookie. */
export const SESSION_COOKIE = 'sibyl_session';

/** Paths served without a session (the login page, its stylesheet, the probes). */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/login',
  '/styles.css',
  '/health/live',
  '/health/ready',
]);

/** The dashboard's own Prometheus exposition: a bearer key with `metrics` or `admin` scope instead of a session. */
export const METRICS_PATH = '/metrics';

/** Scope that may log in to the dashboard with its API key. */
export const ADMIN_SCOPE = 'admin';

/** Scopes that may read the dashboard's `/metrics` (admin grants metrics). */
export const METRICS_SCOPES: readonly string[] = ['metrics', 'admin'];

/** Failed logins per client IP within {@link LOGIN_FAILURE_WINDOW_MS} before further attempts get 429. */
export const MAX_LOGIN_FAILURES = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

/** How long a verified bearer key of a `/metrics` scrape is trusted before it is checked again. */
export const KEY_CACHE_TTL_MS = 60_000;

/** Longest wait for the gateway's `GET /v1/keys/me`. */
export const KEY_CHECK_TIMEOUT_MS = 5_000;

/** Injection token of the fetch function the key verifier uses (replaced in unit tests). */
export const AUTH_FETCH = Symbol('AUTH_FETCH');
