import { checkFamilyConsistency } from './exposition-consistency';
import { parsePrometheusSample } from './prometheus-sample.parser';
import {
  METRIC_NAME_PATTERN,
  PrometheusMetricFamily,
  PrometheusMetricType,
  PrometheusParseError,
} from './prometheus-text.types';

const TYPES: readonly PrometheusMetricType[] = [
  'counter',
  'gauge',
  'histogram',
  'summary',
  'untyped',
];

/**
 * Parses and validates Prometheus text exposition (format 0.0.4): `# HELP` / `# TYPE` lines, metric and label
 * names, label value escapes, numeric values and timestamps; every family in one contiguous group with its TYPE
 * before its samples; no duplicate series; counters non-negative; histogram buckets cumulative with a `+Inf`
 * bucket equal to `_count`, and `_sum`/`_count` present (summaries likewise with quantiles in [0, 1]).
 *
 * @throws PrometheusParseError naming the first offending line.
 */
export function parsePrometheusText(text: string): PrometheusMetricFamily[] {
  const families = new Map<string, PrometheusMetricFamily>();
  const closed = new Set<string>();
  const typed = new Set<string>();
  let current: PrometheusMetricFamily | undefined;

  const open = (name: string, line: number): PrometheusMetricFamily => {
    if (current?.name === name) return current;
    if (closed.has(name) || families.has(name)) {
      throw new PrometheusParseError(`metric family ${name} is not in one contiguous group`, line);
    }
    if (current) closeFamily(current, closed);
    current = { name, type: 'untyped', samples: [] };
    families.set(name, current);
    return current;
  };

  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\r$/, '');
    if (content.trim() === '') return;
    if (content.startsWith('#')) {
      const match = /^#[ \t]+(HELP|TYPE)[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(content);
      if (!match) return; // a plain comment
      const [, keyword, name, rest = ''] = match;
      if (!METRIC_NAME_PATTERN.test(name))
        throw new PrometheusParseError(`invalid metric name "${name}"`, line);
      const family = open(name, line);
      if (keyword === 'HELP') {
        if (family.help !== undefined)
          throw new PrometheusParseError(`second HELP for ${name}`, line);
        family.help = unescapeHelp(rest, line);
      } else {
        setType(family, rest.trim(), line, typed);
      }
      return;
    }
    const sample = parsePrometheusSample(content.trim(), line);
    const owner = current && belongsTo(current, sample.name) ? current : undefined;
    if (!owner && families.has(sample.name)) {
      throw new PrometheusParseError(
        `sample ${sample.name} outside its family's contiguous group`,
        line,
      );
    }
    const family = owner ?? open(sample.name, line);
    family.samples.push(sample);
  });
  if (current) closeFamily(current, closed);
  return [...families.values()];
}

function setType(
  family: PrometheusMetricFamily,
  type: string,
  line: number,
  typed: Set<string>,
): void {
  if (!TYPES.includes(type as PrometheusMetricType))
    throw new PrometheusParseError(`unknown metric type "${type}"`, line);
  if (family.samples.length > 0)
    throw new PrometheusParseError(`TYPE of ${family.name} after its samples`, line);
  if (typed.has(family.name))
    throw new PrometheusParseError(`second TYPE for ${family.name}`, line);
  typed.add(family.name);
  family.type = type as PrometheusMetricType;
}

/** Whether a sample name is part of a family: histograms own `_bucket/_sum/_count`, summaries `_sum/_count`. */
function belongsTo(family: PrometheusMetricFamily, sampleName: string): boolean {
  if (sampleName === family.name) return family.type !== 'histogram';
  const suffix = sampleName.startsWith(family.name) ? sampleName.slice(family.name.length) : '';
  if (family.type === 'histogram') return ['_bucket', '_sum', '_count'].includes(suffix);
  if (family.type === 'summary') return ['_sum', '_count'].includes(suffix);
  return false;
}

function closeFamily(family: PrometheusMetricFamily, closed: Set<string>): void {
  closed.add(family.name);
  checkFamilyConsistency(family);
}

function unescapeHelp(text: string, line: number): string {
  return text.replace(/\\(.?)/g, (_all, c: string) => {
    if (c === 'n') return '\n';
    if (c === '\\') return '\\';
    throw new PrometheusParseError(`invalid escape "\\${c}" in HELP`, line);
  });
}
