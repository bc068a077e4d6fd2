import type { ScalingRules } from './hpa-behavior';
import { changeWithin, scaleDownLimit, scaleUpLimit } from './scale-limits';

const up: ScalingRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Percent', value: 100, periodSeconds: 30 },
    { type: 'Pods', value: 4, periodSeconds: 30 },
  ],
};

describe('scale limits', () => {
  it.each([
    { periodSeconds: 15, change: 2 },
    { periodSeconds: 31, change: 5 },
  ])('count only the changes inside a $periodSeconds s period', ({ periodSeconds, change }) => {
    const events = [
      { at: 0, change: 3 },
      { at: 20, change: 2 },
    ];
    expect(changeWithin(events, 30, periodSeconds)).toBe(change);
  });

  it('allow the larger of +100 % and +4 pods with selectPolicy Max', () => {
    expect(scaleUpLimit(2, [], [], up, 100)).toBe(6);
    expect(scaleUpLimit(10, [], [], up, 100)).toBe(20);
  });

  it('allow the smaller proposal with selectPolicy Min, and nothing when Disabled', () => {
    expect(scaleUpLimit(10, [], [], { ...up, selectPolicy: 'Min' }, 100)).toBe(14);
    expect(scaleUpLimit(10, [], [], { ...up, selectPolicy: 'Disabled' }, 100)).toBe(10);
  });

  it('measure from the replica count at the start of the period', () => {
    // 4 -> 8 ten seconds ago: within the 30 s period the start is 4, so at most 8 (100 %) or 8 (+4).
    expect(scaleUpLimit(8, [{ at: 90, change: 4 }], [], up, 100)).toBe(8);
    expect(scaleUpLimit(8, [{ at: 60, change: 4 }], [], up, 100)).toBe(16);
  });

  it('remove at most 25 % a minute (truncated), keeping the most with selectPolicy Min', () => {
    const down: ScalingRules = {
      stabilizationWindowSeconds: 300,
      selectPolicy: 'Min',
      policies: [
        { type: 'Percent', value: 25, periodSeconds: 60 },
        { type: 'Pods', value: 5, periodSeconds: 60 },
      ],
    };
    expect(scaleDownLimit(20, [], [], down, 0)).toBe(15);
    expect(scaleDownLimit(15, [], [{ at: -30, change: 5 }], down, 0)).toBe(15);
    expect(scaleDownLimit(7, [], [], down, 0)).toBe(5);
    expect(scaleDownLimit(7, [], [], { ...down, selectPolicy: 'Max' }, 0)).toBe(2);
  });
});
