import { GroupSizeController } from './group-size.controller';

/** Feeds `writes` writes of `latencyMs` each, with `perMs` arrivals per millisecond meanwhile. */
function steady(
  groups: GroupSizeController,
  clock: { t: number },
  perMs: number,
  latencyMs: number,
  writes: number,
): number[] {
  const targets: number[] = [];
  for (let i = 0; i < writes; i++) {
    groups.arrive(perMs * latencyMs);
    clock.t += latencyMs;
    groups.observe(latencyMs);
    targets.push(groups.target);
  }
  return targets;
}

describe('GroupSizeController', () => {
  it('starts at the minimum: nothing waits before the load is known', () => {
    expect(new GroupSizeController(1, 1000).target).toBe(1);
  });

  it('converges to what arrives during one write, for any steady load', () => {
    for (const [perMs, latencyMs] of [
      [0.05, 4],
      [1, 5],
      [20, 5],
      [8, 30],
    ]) {
      const clock = { t: 0 };
      const groups = new GroupSizeController(1, 1000, () => clock.t);
      const late = steady(groups, clock, perMs, latencyMs, 40).slice(-10);
      const expected = Math.min(1000, Math.max(1, Math.ceil(perMs * latencyMs)));
      for (const target of late) {
        expect(target).toBeGreaterThanOrEqual(Math.floor(expected * 0.95));
        expect(target).toBeLessThanOrEqual(Math.ceil(expected * 1.05));
      }
    }
  });

  it('never leaves its bounds, whatever it observes', () => {
    const clock = { t: 0 };
    const groups = new GroupSizeController(2, 50, () => clock.t);
    const targets = [
      ...steady(groups, clock, 10_000, 100, 20),
      ...steady(groups, clock, 0, 1, 20),
      ...steady(groups, clock, 500, 0, 5),
    ];
    expect(Math.max(...targets)).toBe(50);
    expect(Math.min(...targets)).toBe(2);
  });

  it('follows the load down: back to single writes a few writes after it stops', () => {
    const clock = { t: 0 };
    const groups = new GroupSizeController(1, 1000, () => clock.t);
    steady(groups, clock, 20, 5, 30);
    expect(groups.target).toBeGreaterThan(90);
    const after = steady(groups, clock, 0.01, 5, 20);
    expect(after.at(-1)).toBe(1);
    expect(after.findIndex((target) => target === 1)).toBeLessThan(15);
  });

  it('refuses inverted or empty bounds', () => {
    expect(() => new GroupSizeController(0, 10)).toThrow(RangeError);
    expect(() => new GroupSizeController(5, 4)).toThrow(RangeError);
  });
});
