import {
  PrometheusMetricFamily,
  PrometheusParseError,
  PrometheusSample,
} from './prometheus-text.types';

/** Checks the cross-sample rules of one family; throws {@link PrometheusParseError} (line 0) on a violation. */
export function checkFamilyConsistency(family: PrometheusMetricFamily): void {
  checkNoDuplicateSeries(family);
  if (family.type === 'counter') {
    const negative = family.samples.find((s) => s.value < 0);
    if (negative) fail(`counter ${family.name} has a negative value ${negative.value}`);
  }
  if (family.type === 'histogram') checkHistogram(family);
  if (family.type === 'summary') checkSummary(family);
}

/** Stable identity of a series: its name and labels (optionally without one label, e.g. `le`). */
export function seriesKey(name: string, labels: Record<string, string>, without?: string): string {
  const parts = Object.keys(labels)
    .filter((k) => k !== without)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `${name}{${parts.join(',')}}`;
}

function checkNoDuplicateSeries(family: PrometheusMetricFamily): void {
  const seen = new Set<string>();
  for (const sample of family.samples) {
    const key = seriesKey(sample.name, sample.labels);
    if (seen.has(key)) fail(`duplicate series ${key}`);
    seen.add(key);
  }
}

function checkHistogram(family: PrometheusMetricFamily): void {
  const groups = groupBy(family, 'le');
  for (const [key, group] of groups) {
    const buckets = group.filter((s) => s.name === `${family.name}_bucket`);
    if (buckets.some((b) => b.labels['le'] === undefined)) fail(`bucket without "le" in ${key}`);
    const bounds = buckets.map((b) => ({ le: parseBound(b.labels['le'], key), value: b.value }));
    bounds.sort((a, b) => a.le - b.le);
    for (let i = 1; i < bounds.length; i++) {
      if (bounds[i].value < bounds[i - 1].value)
        fail(`buckets of ${key} are not cumulative at le=${bounds[i].le}`);
    }
    const inf = bounds.find((b) => b.le === Infinity);
    if (!inf) fail(`histogram ${key} has no le="+Inf" bucket`);
    const count = single(group, `${family.name}_count`, key);
    single(group, `${family.name}_sum`, key);
    if (count.value !== inf.value)
      fail(`${key}: _count ${count.value} differs from the +Inf bucket ${inf.value}`);
  }
}

function checkSummary(family: PrometheusMetricFamily): void {
  for (const [key, group] of groupBy(family, 'quantile')) {
    for (const q of group.filter((s) => s.name === family.name)) {
      const quantile = Number(q.labels['quantile']);
      if (!(quantile >= 0 && quantile <= 1))
        fail(`summary ${key} has an invalid quantile "${q.labels['quantile']}"`);
    }
    single(group, `${family.name}_count`, key);
    single(group, `${family.name}_sum`, key);
  }
}

function groupBy(family: PrometheusMetricFamily, without: string): Map<string, PrometheusSample[]> {
  const groups = new Map<string, PrometheusSample[]>();
  for (const sample of family.samples) {
    const key = seriesKey(family.name, sample.labels, without);
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return groups;
}

function single(group: PrometheusSample[], name: string, key: string): PrometheusSample {
  const found = group.find((s) => s.name === name);
  if (!found) fail(`${key} has no ${name}`);
  if (found.labels['le'] !== undefined || found.labels['quantile'] !== undefined)
    fail(`${name} must not carry le/quantile`);
  return found;
}

function parseBound(le: string, key: string): number {
  if (le === '+Inf' || le === 'Inf') return Infinity;
  const value = Number(le);
  if (le.trim() === '' || Number.isNaN(value)) fail(`invalid bucket bound le="${le}" in ${key}`);
  return value;
}

function fail(message: string): never {
  throw new PrometheusParseError(message, 0);
}
