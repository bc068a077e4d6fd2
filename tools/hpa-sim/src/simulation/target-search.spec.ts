import { DEFAULT_BEHAVIOR } from '../hpa/hpa-behavior';
import type { SimulationParams } from './simulation-types';
import { searchMinReplicas, searchTarget } from './target-search';
import { parseRamp } from './traffic-ramp';

const base: SimulationParams = {
  hpa: {
    minReplicas: 2,
    maxReplicas: 20,
    targetAverageValue: 500,
    tolerance: 0.1,
    cpuTargetUtilization: 0.6,
    behavior: DEFAULT_BEHAVIOR,
  },
  ramp: parseRamp('0:100,120:100,240:3000,900:3000,960:100,1200:100'),
  perPodRate: 800,
  startupSeconds: 30,
  syncSeconds: 15,
  scrapeSeconds: 15,
  serviceSeconds: 0.05,
  stepSeconds: 0.5,
};

describe('searchTarget', () => {
  it('bounds the target by the backlog one predictor drains within the latency bound', () => {
    const result = searchTarget(base, 2, [100, 500]);
    expect(result.steadyStateTarget).toBe(Math.floor((800 * 2) / 1.1));
    expect(result.candidates.map((c) => c.targetAverageValue)).toEqual([100, 500]);
  });

  it('recommends no more than the steady-state bound, and only targets that met the bound in the ramp', () => {
    const result = searchTarget(base, 2, [100, 500, 5000]);
    expect(result.recommended).toBeLessThanOrEqual(result.steadyStateTarget);
    const passing = result.candidates
      .filter((c) => c.p99LatencySeconds <= 2)
      .map((c) => c.targetAverageValue);
    expect(passing).toContain(result.rampTarget);
  });

  it('finds the warm capacity a surge needs when no target is enough', () => {
    const surge = { ...base, ramp: parseRamp('0:100,60:100,70:6000,600:6000') };
    const tight = searchTarget(surge, 1, [500]);
    expect(tight.recommended).toBeUndefined();
    const min = searchMinReplicas(surge, 1, 500)!;
    expect(min).toBeGreaterThan(2);
    expect(min * 800).toBeGreaterThanOrEqual(6000 * 0.5);
  });
});
