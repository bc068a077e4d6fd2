/**
 * Parses the Prometheus text exposition format into `name{labels}` → value. Comments,
 * blank lines and timestamps are ignored; malformed lines are skipped.
 */
export function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{.*\})?)\s+(\S+)(?:\s+\d+)?$/.exec(line);
    if (!match) continue;
    const value = parseValue(match[2]);
    if (value !== undefined) samples.set(match[1], value);
  }
  return samples;
}

function parseValue(token: string): number | undefined {
  if (token === '+Inf') return Infinity;
  if (token === '-Inf') return -Infinity;
  const value = Number(token);
  return Number.isNaN(value) && token !== 'NaN' ? undefined : value;
}

/** Sum of every series of metric `name` (all label sets); optionally only series whose labels include `labelFilter`. */
export function sumMetric(
  samples: Map<string, number>,
  name: string,
  labelFilter?: Record<string, string>,
): number | undefined {
  let total: number | undefined;
  for (const [series, value] of samples) {
    const brace = series.indexOf('{');
    const seriesName = brace === -1 ? series : series.slice(0, brace);
    if (seriesName !== name) continue;
    if (
      labelFilter &&
      !Object.entries(labelFilter).every(([k, v]) => series.includes(`${k}="${v}"`))
    )
      continue;
    total = (total ?? 0) + value;
  }
  return total;
}

/** Counter deltas `after − before` of every `*_total` series (plus `_count`/`_sum` of histograms), both summed over labels by name. */
export function counterDeltas(
  before: Map<string, number>,
  after: Map<string, number>,
): Record<string, number> {
  const names = new Set<string>();
  for (const series of after.keys()) {
    const name = series.split('{')[0];
    if (/_(total|count|sum)$/.test(name) && !name.includes('_bucket')) names.add(name);
  }
  const deltas: Record<string, number> = {};
  for (const name of [...names].sort()) {
    deltas[name] = (sumMetric(after, name) ?? 0) - (sumMetric(before, name) ?? 0);
  }
  return deltas;
}
