import {
  LABEL_NAME_PATTERN,
  PrometheusParseError,
  PrometheusSample,
} from './prometheus-text.types';

const FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const TIMESTAMP = /^-?\d+$/;
const NAME_AT_START = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

/**
 * Parses a sample value as the Go `ParseFloat` used by Prometheus would: decimals, exponents and, in any letter
 * case, `NaN`, `+Inf`, `-Inf` (prom-client writes `Nan`).
 */
export function parsePrometheusFloat(token: string, line: number): number {
  if (!FLOAT.test(token)) throw new PrometheusParseError(`invalid sample value "${token}"`, line);
  if (/nan$/i.test(token)) return NaN;
  if (/inf(inity)?$/i.test(token)) return token.startsWith('-') ? -Infinity : Infinity;
  return Number(token);
}

/** Parses one sample line `name{label="value",...} value [timestamp]`. */
export function parsePrometheusSample(text: string, line: number): PrometheusSample {
  const name = NAME_AT_START.exec(text)?.[0];
  if (!name) throw new PrometheusParseError(`invalid metric name in "${text}"`, line);
  let rest = text.slice(name.length);
  let labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    const parsed = parseLabels(rest, line);
    labels = parsed.labels;
    rest = rest.slice(parsed.length);
  }
  if (!/^[ \t]/.test(rest))
    throw new PrometheusParseError(`expected a space before the value of ${name}`, line);
  const tokens = rest.trim().split(/[ \t]+/);
  if (tokens.length > 2)
    throw new PrometheusParseError(`unexpected text after the value of ${name}`, line);
  const sample: PrometheusSample = { name, labels, value: parsePrometheusFloat(tokens[0], line) };
  if (tokens.length === 2) {
    if (!TIMESTAMP.test(tokens[1]))
      throw new PrometheusParseError(`invalid timestamp "${tokens[1]}"`, line);
    sample.timestamp = Number(tokens[1]);
  }
  return sample;
}

/** Parses `{a="x",b="y\"z"}` (optional trailing comma) starting at `text[0] === '{'`. */
function parseLabels(
  text: string,
  line: number,
): { labels: Record<string, string>; length: number } {
  const labels: Record<string, string> = {};
  let i = 1;
  for (;;) {
    i = skipBlanks(text, i);
    if (text[i] === '}') return { labels, length: i + 1 };
    const name = /^[^=\s]*/.exec(text.slice(i))?.[0] ?? '';
    if (!LABEL_NAME_PATTERN.test(name))
      throw new PrometheusParseError(`invalid label name "${name}"`, line);
    if (name in labels) throw new PrometheusParseError(`duplicate label "${name}"`, line);
    i = skipBlanks(text, i + name.length);
    if (text[i] !== '=') throw new PrometheusParseError(`expected "=" after label ${name}`, line);
    i = skipBlanks(text, i + 1);
    if (text[i] !== '"')
      throw new PrometheusParseError(`expected a quoted value for label ${name}`, line);
    const value = readQuoted(text, i + 1, line);
    labels[name] = value.value;
    i = skipBlanks(text, value.end);
    if (text[i] === ',') i++;
    else if (text[i] !== '}')
      throw new PrometheusParseError(`expected "," or "}" after label ${name}`, line);
  }
}

/** Reads a label value up to its closing quote; only `\\`, `\"` and `\n` escapes are valid. */
function readQuoted(text: string, start: number, line: number): { value: string; end: number } {
  let value = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = text[++i];
    if (next === 'n') value += '\n';
    else if (next === '\\' || next === '"') value += next;
    else throw new PrometheusParseError(`invalid escape "\\${next ?? ''}" in a label value`, line);
  }
  throw new PrometheusParseError('unterminated label value', line);
}

function skipBlanks(text: string, i: number): number {
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i;
}
