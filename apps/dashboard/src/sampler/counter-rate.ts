import type { PrometheusSample } from '@sibyl/observability';

/**
 * Increase of a counter between two scrapes. A smaller current value means the process restarted (counter reset),
 * so the whole current value is the increase since then — as Prometheus' `increase()` treats resets.
 */
export function counterIncrease(previous: number, current: number): number {
  return current >= previous ? current - previous : current;
}

/** Per-second rate of a counter between two scrapes `seconds` apart; null without a positive interval. */
export function counterRate(previous: number, current: number, seconds: number): number | null {
  return seconds > 0 ? counterIncrease(previous, current) / seconds : null;
}

/** Stable key of a series' labels, minus the given ones. */
export function labelKey(labels: Record<string, string>, without: readonly string[] = []): string {
  return Object.keys(labels)
    .filter((k) => !without.includes(k))
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

/**
 * Total increase of a labelled counter: the sum over its series of each series' increase (each may reset on its
 * own). A series absent before started from 0, as prom-client creates labelled series on their first increment.
 */
export function seriesIncrease(
  previous: readonly PrometheusSample[],
  current: readonly PrometheusSample[],
): number {
  const before = new Map(previous.map((s) => [labelKey(s.labels), s.value]));
  return current.reduce(
    (sum, s) => sum + counterIncrease(before.get(labelKey(s.labels)) ?? 0, s.value),
    0,
  );
}
