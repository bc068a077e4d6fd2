import { Counter, Gauge, Histogram, Registry, Summary, collectDefaultMetrics } from 'prom-client';
import { findSamples, sampleValue } from './prometheus-samples';
import { parsePrometheusText } from './prometheus-text.parser';
import { PrometheusParseError } from './prometheus-text.types';

function expectInvalid(text: string, message: RegExp): void {
  expect(() => parsePrometheusText(text)).toThrow(PrometheusParseError);
  expect(() => parsePrometheusText(text)).toThrow(message);
}

describe('parsePrometheusText', () => {
  it('parses everything prom-client writes, default metrics included', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'test' });
    collectDefaultMetrics({ register: registry, prefix: 'sibyl_' });
    const counter = new Counter({
      name: 'sibyl_done_total',
      help: 'Done "things"\\ok',
      labelNames: ['language'],
      registers: [registry],
    });
    counter.inc({ language: 'sv' }, 3);
    counter.inc({ language: 'a"b\\c\nd' });
    new Gauge({ name: 'sibyl_depth', help: 'Depth', registers: [registry] }).set(-2.5);
    const histogram = new Histogram({
      name: 'sibyl_latency_seconds',
      help: 'Latency',
      buckets: [0.1, 1],
      registers: [registry],
    });
    [0.05, 0.5, 5].forEach((v) => histogram.observe(v));
    new Summary({ name: 'sibyl_size', help: 'Size', registers: [registry] }).observe(4);

    const families = parsePrometheusText(await registry.metrics());

    const done = families.find((f) => f.name === 'sibyl_done_total');
    expect(done).toMatchObject({ type: 'counter', help: 'Done "things"\\ok' });
    expect(findSamples(families, 'sibyl_done_total', { language: 'a"b\\c\nd' })[0].value).toBe(1);
    expect(sampleValue(families, 'sibyl_done_total')).toBe(4);
    expect(sampleValue(families, 'sibyl_done_total', { language: 'sv', service: 'test' })).toBe(3);
    expect(sampleValue(families, 'sibyl_depth')).toBe(-2.5);
    expect(sampleValue(families, 'sibyl_latency_seconds_bucket', { le: '+Inf' })).toBe(3);
    expect(sampleValue(families, 'sibyl_latency_seconds_bucket', { le: '1' })).toBe(2);
    expect(sampleValue(families, 'sibyl_latency_seconds_sum')).toBeCloseTo(5.55);
    expect(families.find((f) => f.name === 'sibyl_size')?.type).toBe('summary');
    expect(sampleValue(families, 'sibyl_process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(families, 'sibyl_missing')).toBeUndefined();
  });

  it('accepts untyped samples, comments, timestamps, special values and a trailing comma', () => {
    const families = parsePrometheusText(
      [
        '# a comment',
        'a 1 1700000000000',
        'b{x="1",} Nan',
        'c +Inf',
        'd -1.5e3',
        '',
        '# TYPE e gauge',
        'e .5',
      ].join('\n'),
    );
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ['a', 'untyped'],
      ['b', 'untyped'],
      ['c', 'untyped'],
      ['d', 'untyped'],
      ['e', 'gauge'],
    ]);
    expect(families[0].samples[0].timestamp).toBe(1700000000000);
    expect(families[1].samples[0].value).toBeNaN();
    expect(families[2].samples[0].value).toBe(Infinity);
    expect(families[3].samples[0].value).toBe(-1500);
    expect(families[4].samples[0].value).toBe(0.5);
  });

  it.each([
    ['a bad metric name', '9abc 1', /invalid metric name/],
    ['a bad name in TYPE', '# TYPE 9a counter', /invalid metric name/],
    ['a bad label name', 'a{9x="1"} 1', /invalid label name/],
    ['an unquoted label value', 'a{x=1} 1', /quoted value/],
    ['an unterminated label value', 'a{x="1} 1', /unterminated/],
    ['a bad escape', 'a{x="\\t"} 1', /invalid escape/],
    ['a duplicate label', 'a{x="1",x="2"} 1', /duplicate label/],
    ['a missing value', 'a{x="1"}', /space before the value/],
    ['a non-numeric value', 'a one', /invalid sample value/],
    ['a bad timestamp', 'a 1 1.5', /invalid timestamp/],
    ['extra tokens', 'a 1 2 3', /unexpected text/],
    ['an unknown type', '# TYPE a countr', /unknown metric type/],
    ['a second TYPE', '# TYPE a gauge\n# TYPE a gauge', /second TYPE/],
    ['a second HELP', '# HELP a x\n# HELP a y', /second HELP/],
    ['a TYPE after samples', 'a 1\n# TYPE a gauge', /after its samples/],
    ['a split family', 'a 1\nb 1\na{x="1"} 2', /contiguous/],
    ['a duplicate series', 'a{x="1"} 1\na{x="1"} 2', /duplicate series/],
    ['a negative counter', '# TYPE a_total counter\na_total -1', /negative/],
  ])('rejects %s', (_case, text, message) => expectInvalid(text, message));

  it('reports the line number', () => {
    expect(() => parsePrometheusText('a 1\nb 2\nc x')).toThrow(/^line 3: /);
  });

  describe('histograms', () => {
    const histogram = (lines: string[]): string => ['# TYPE h histogram', ...lines].join('\n');
    const valid = [
      'h_bucket{le="0.1"} 1',
      'h_bucket{le="1"} 2',
      'h_bucket{le="+Inf"} 3',
      'h_sum 5.5',
      'h_count 3',
    ];

    it('accepts a consistent histogram, one per label set', () => {
      const labelled = valid.map((l) =>
        l.replace(/^(h_\w+)(\{)?/, (_m, n: string, b?: string) => `${n}{a="x"${b ? ',' : '}'}`),
      );
      expect(parsePrometheusText(histogram([...valid, ...labelled]))[0].samples).toHaveLength(10);
    });
    it('rejects non-cumulative buckets', () => {
      expectInvalid(
        histogram([
          'h_bucket{le="0.1"} 2',
          ...valid.slice(1).map((l) => l.replace('le="1"} 2', 'le="1"} 1')),
        ]),
        /not cumulative/,
      );
    });
    it('rejects a missing +Inf bucket', () =>
      expectInvalid(histogram([valid[0], valid[1], valid[3], 'h_count 2']), /\+Inf/));
    it('rejects _count different from +Inf', () =>
      expectInvalid(histogram([...valid.slice(0, 4), 'h_count 4']), /_count 4 differs/));
    it('rejects a missing _sum', () =>
      expectInvalid(histogram([...valid.slice(0, 3), 'h_count 3']), /no h_sum/));
    it('rejects a bucket without le', () =>
      expectInvalid(histogram(['h_bucket 1', ...valid]), /without "le"/));
    it('rejects a bad bound', () =>
      expectInvalid(histogram(['h_bucket{le="x"} 0', ...valid]), /invalid bucket bound/));
    it('rejects a plain sample named like the histogram', () =>
      expectInvalid(histogram([...valid, 'h 1']), /contiguous/));
  });

  it('rejects a summary with a quantile outside [0, 1]', () => {
    expectInvalid(
      ['# TYPE s summary', 's{quantile="1.5"} 1', 's_sum 1', 's_count 1'].join('\n'),
      /invalid quantile/,
    );
  });
});
