import { parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('defaults to the deploy/k8s predictor HPA and the documented ramp', () => {
    const options = parseCliOptions([]);
    expect(options.params.hpa.targetAverageValue).toBeGreaterThan(0);
    expect(options.params.hpa.cpuTargetUtilization).toBeGreaterThan(0);
    expect(options.svg).toBe('docs/scaling-simulation.svg');
    expect(options.search).toBe(true);
  });

  it('lets flags override the manifest', () => {
    const options = parseCliOptions([
      '--target',
      '800',
      '--cpu-target',
      '0',
      '--min',
      '3',
      '--per-pod-rate',
      '750',
      '--svg',
      '-',
      '--no-search',
    ]);
    expect(options.params.hpa).toMatchObject({
      targetAverageValue: 800,
      cpuTargetUtilization: undefined,
      minReplicas: 3,
    });
    expect(options.perPodRate).toBe(750);
    expect(options.svg).toBeUndefined();
    expect(options.search).toBe(false);
  });

  it('rejects bad values and unknown flags with a message', () => {
    expect(() => parseCliOptions(['--target', 'many'])).toThrow(
      '--target must be a positive number, got "many"',
    );
    expect(() => parseCliOptions(['--min', '30'])).toThrow('--min must not exceed --max');
    expect(() => parseCliOptions(['--bogus'])).toThrow(/Unknown option '--bogus'/);
  });
});
