/** Injection token of the per-application prom-client `Registry`. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Injection token of the resolved {@link ResolvedMetricsOptions}. */
export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

/** Default metric-name prefix (Prometheus naming: `<namespace>_<name>_<unit>`). */
export const DEFAULT_METRICS_PREFIX = 'sibyl_';

/** Default HTTP path of the exposition endpoint. */
export const DEFAULT_METRICS_PATH = '/metrics';
