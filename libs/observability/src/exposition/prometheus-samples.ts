import { PrometheusMetricFamily, PrometheusSample } from './prometheus-text.types';

/** The samples named `sampleName` whose labels include every label of `labels`. */
export function findSamples(
  families: readonly PrometheusMetricFamily[],
  sampleName: string,
  labels: Record<string, string> = {},
): PrometheusSample[] {
  return families
    .flatMap((family) => family.samples)
    .filter(
      (s) => s.name === sampleName && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
}

/**
 * Sum of the matching samples (e.g. a counter over all its label values), or `undefined` when none exists —
 * so a test can tell "0" from "not exported".
 */
export function sampleValue(
  families: readonly PrometheusMetricFamily[],
  sampleName: string,
  labels: Record<string, string> = {},
): number | undefined {
  const samples = findSamples(families, sampleName, labels);
  return samples.length === 0 ? undefined : samples.reduce((sum, s) => sum + s.value, 0);
}
