import type { HpaSpec } from '../hpa/hpa-behavior';
import { DEFAULT_BEHAVIOR } from '../hpa/hpa-behavior';
import { simulate } from './queue-simulator';
import type { SimulationParams } from './simulation-types';
import { parseRamp } from './traffic-ramp';

const hpa: HpaSpec = {
  minReplicas: 2,
  maxReplicas: 20,
  targetAverageValue: 500,
  tolerance: 0.1,
  behavior: DEFAULT_BEHAVIOR,
};
const params = (overrides: Partial<SimulationParams> = {}): SimulationParams => ({
  hpa,
  ramp: parseRamp('0:100,60:100,90:5000,600:5000,630:100,900:100'),
  perPodRate: 1000,
  startupSeconds: 30,
  syncSeconds: 15,
  scrapeSeconds: 15,
  serviceSeconds: 0.05,
  stepSeconds: 0.25,
  ...overrides,
});

describe('simulate', () => {
  it('scales the predictors up to the capacity the peak needs and back to minReplicas', () => {
    const { timeline, summary } = simulate(params());
    expect(summary.peakReplicas).toBeGreaterThanOrEqual(5);
    expect(timeline.find((p) => p.t === 550)!.capacity).toBeGreaterThanOrEqual(5000);
    expect(timeline[timeline.length - 1].replicas).toBe(2);
  });

  it('loses no request: the backlog drains and every arrival completes', () => {
    const { timeline } = simulate(params());
    const last = timeline[timeline.length - 1];
    expect(last.queueDepth).toBeLessThan(100 * 0.05 + 1);
  });

  it('builds a backlog while new pods start, more with a longer start-up', () => {
    const fast = simulate(params({ startupSeconds: 5 })).summary;
    const slow = simulate(params({ startupSeconds: 90 })).summary;
    expect(slow.peakQueueDepth).toBeGreaterThan(fast.peakQueueDepth);
    expect(slow.p99LatencySeconds).toBeGreaterThan(fast.p99LatencySeconds);
  });

  it('keeps latency at the service time when the minimum replicas already carry the load', () => {
    const { summary } = simulate(params({ ramp: parseRamp('0:500,600:500') }));
    expect(summary.peakReplicas).toBe(2);
    expect(summary.maxLatencySeconds).toBeCloseTo(0.05);
  });

  it('counts CPU: with a CPU target the fleet holds its capacity instead of draining the queue to nothing', () => {
    const queueOnly = simulate(params({ ramp: parseRamp('0:5000,1200:5000') })).summary;
    const withCpu = simulate(
      params({ ramp: parseRamp('0:5000,1200:5000'), hpa: { ...hpa, cpuTargetUtilization: 0.6 } }),
    ).summary;
    expect(withCpu.secondsOverLatency).toBeLessThanOrEqual(queueOnly.secondsOverLatency);
  });
});
