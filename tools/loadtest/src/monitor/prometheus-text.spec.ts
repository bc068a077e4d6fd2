import { counterDeltas, parsePrometheusText, sumMetric } from './prometheus-text';

const BEFORE = `# HELP sibyl_predictions_completed_total Completed predictions
# TYPE sibyl_predictions_completed_total counter
sibyl_predictions_completed_total{language="sv",status="done"} 10
sibyl_predictions_completed_total{language="de",status="done"} 5
sibyl_predictions_completed_total{language="und",status="failed"} 1
sibyl_batch_size_bucket{le="+Inf"} 4
sibyl_batch_size_count 4
sibyl_batch_size_sum 16
process_cpu_seconds_total 1.5 1700000000000
`;

describe('parsePrometheusText', () => {
  it('reads series with labels, ignoring comments and timestamps', () => {
    const samples = parsePrometheusText(BEFORE);
    expect(samples.get('sibyl_predictions_completed_total{language="sv",status="done"}')).toBe(10);
    expect(samples.get('sibyl_batch_size_bucket{le="+Inf"}')).toBe(4);
    expect(samples.get('process_cpu_seconds_total')).toBe(1.5);
    expect(samples.size).toBe(7);
  });

  it('skips malformed lines', () => {
    expect(parsePrometheusText('garbage here now\nok_total 3').get('ok_total')).toBe(3);
  });
});

describe('sumMetric', () => {
  const samples = parsePrometheusText(BEFORE);
  it('sums all series of a name, or a label-filtered subset', () => {
    expect(sumMetric(samples, 'sibyl_predictions_completed_total')).toBe(16);
    expect(sumMetric(samples, 'sibyl_predictions_completed_total', { status: 'done' })).toBe(15);
  });
  it('is undefined for an absent metric and does not match name prefixes', () => {
    expect(sumMetric(samples, 'sibyl_missing_total')).toBeUndefined();
    expect(sumMetric(samples, 'sibyl_batch_size')).toBeUndefined();
  });
});

describe('counterDeltas', () => {
  it('subtracts before from after for counters and histogram counts', () => {
    const after = parsePrometheusText(
      BEFORE.replace('} 10', '} 110').replace('_count 4', '_count 9'),
    );
    const deltas = counterDeltas(parsePrometheusText(BEFORE), after);
    expect(deltas.sibyl_predictions_completed_total).toBe(100);
    expect(deltas.sibyl_batch_size_count).toBe(5);
    expect(deltas.process_cpu_seconds_total).toBe(0);
    expect(deltas).not.toHaveProperty('sibyl_batch_size_bucket');
  });
});
