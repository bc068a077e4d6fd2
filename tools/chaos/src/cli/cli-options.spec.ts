import { parseChaosArgs } from './cli-options';

describe('parseChaosArgs', () => {
  it('defaults to the whole matrix on a private broker', () => {
    const options = parseChaosArgs([], {});
    expect(options.scenarios.length).toBeGreaterThanOrEqual(12);
    expect(options).toMatchObject({
      broker: 'private',
      rate: 50,
      faultMs: 30_000,
      out: 'docs/RELIABILITY.md',
      build: true,
    });
  });

  it('selects scenarios by name or the fast subset', () => {
    expect(
      parseChaosArgs(['--scenarios', 'poison-messages, broker-restart']).scenarios.map(
        (s) => s.name,
      ),
    ).toEqual(['poison-messages', 'broker-restart']);
    expect(parseChaosArgs(['--fast']).scenarios.map((s) => s.name)).toEqual([
      'predictor-sigkill',
      'broker-blackhole',
      'queue-redeclared',
      'poison-messages',
    ]);
    expect(parseChaosArgs(['--fast']).scenarios.some((s) => s.needsPrivateBroker)).toBe(false);
  });

  it('refuses unknown scenarios and bad numbers', () => {
    expect(() => parseChaosArgs(['--scenarios', 'nope'])).toThrow(/unknown scenario nope/);
    expect(() => parseChaosArgs(['--rate', '0'])).toThrow(/--rate/);
    expect(() => parseChaosArgs(['--fault-seconds', 'x'])).toThrow(/--fault-seconds/);
    expect(() => parseChaosArgs(['--broker', 'prod'])).toThrow(/--broker/);
  });

  it('reads durations in seconds and --no-write', () => {
    const options = parseChaosArgs(['--fault-seconds', '10', '--no-write', '--no-build']);
    expect(options.faultMs).toBe(10_000);
    expect(options.out).toBeNull();
    expect(options.build).toBe(false);
  });
});
