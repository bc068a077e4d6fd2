import { collectDefaultMetrics, Registry } from 'prom-client';
import { DEFAULT_METRICS_PATH, DEFAULT_METRICS_PREFIX } from './metrics.constants';
import type {
  MetricsModuleOptions,
  ResolvedMetricsOptions,
} from './metrics-module-options.interface';

/** Applies the documented defaults to {@link MetricsModuleOptions}. */
export function resolveMetricsOptions(options: MetricsModuleOptions = {}): ResolvedMetricsOptions {
  return {
    prefix: options.prefix ?? DEFAULT_METRICS_PREFIX,
    defaultLabels: options.defaultLabels ?? {},
    collectDefaultMetrics: options.collectDefaultMetrics ?? true,
    path: options.path ?? DEFAULT_METRICS_PATH,
  };
}

/**
 * Creates a fresh prom-client registry (never the global one, so several applications can live in one process,
 * as in tests) with the default labels and, when enabled, the default process metrics.
 */
export function createMetricsRegistry(options: ResolvedMetricsOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels(options.defaultLabels);
  if (options.collectDefaultMetrics) {
    collectDefaultMetrics({ register: registry, prefix: options.prefix });
  }
  return registry;
}
