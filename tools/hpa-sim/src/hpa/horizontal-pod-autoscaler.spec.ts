import { DEFAULT_BEHAVIOR, HpaBehavior, HpaSpec } from './hpa-behavior';
import { HorizontalPodAutoscaler } from './horizontal-pod-autoscaler';

/** The behaviour of deploy/k8s/base/predictor/hpa.yaml. */
const SIBYL_BEHAVIOR: HpaBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, periodSeconds: 30 },
      { type: 'Pods', value: 4, periodSeconds: 30 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Min',
    policies: [{ type: 'Percent', value: 25, periodSeconds: 60 }],
  },
};

const spec = (overrides: Partial<HpaSpec> = {}): HpaSpec => ({
  minReplicas: 2,
  maxReplicas: 20,
  targetAverageValue: 500,
  tolerance: 0.1,
  behavior: SIBYL_BEHAVIOR,
  ...overrides,
});

/** Observation with only the queue depth (every pod ready, no CPU metric). */
const q = (queueDepth: number) => ({ queueDepth, readyPods: 1000 });

describe('HorizontalPodAutoscaler', () => {
  it('holds within the tolerance', () => {
    const hpa = new HorizontalPodAutoscaler(spec());
    expect(hpa.reconcile(0, 4, q(4 * 540)).desired).toBe(4);
  });

  it('limits a large scale-up to the policies per period, then continues next period', () => {
    const hpa = new HorizontalPodAutoscaler(spec());
    expect(hpa.reconcile(0, 2, q(100_000))).toEqual({ proposed: 200, stabilized: 200, desired: 6 });
    expect(hpa.reconcile(15, 6, q(100_000)).desired).toBe(6); // still inside the 30 s period of the first step
    expect(hpa.reconcile(30, 6, q(100_000)).desired).toBe(12);
    expect(hpa.reconcile(60, 12, q(100_000)).desired).toBe(20); // maxReplicas
  });

  it('waits for the scale-down stabilization window and then removes at most 25 % a minute', () => {
    const hpa = new HorizontalPodAutoscaler(spec());
    expect(hpa.reconcile(0, 20, q(20 * 500)).desired).toBe(20);
    for (let t = 15; t < 300; t += 15) expect(hpa.reconcile(t, 20, q(0)).desired).toBe(20);
    // The recommendation of 20 made at t=0 leaves the 300 s window at t=300.
    expect(hpa.reconcile(300, 20, q(0)).desired).toBe(15);
    expect(hpa.reconcile(315, 15, q(0)).desired).toBe(15);
    expect(hpa.reconcile(345, 15, q(0)).desired).toBe(15); // 300 -> 345 is inside the 60 s period
    expect(hpa.reconcile(360, 15, q(0)).desired).toBe(11); // trunc(15 x 0.75)
  });

  it('never goes below minReplicas or above maxReplicas', () => {
    const hpa = new HorizontalPodAutoscaler(
      spec({
        behavior: {
          ...DEFAULT_BEHAVIOR,
          scaleDown: { ...DEFAULT_BEHAVIOR.scaleDown, stabilizationWindowSeconds: 0 },
        },
      }),
    );
    expect(hpa.reconcile(0, 5, q(0)).desired).toBe(2);
    expect(hpa.reconcile(15, 1, q(0)).desired).toBe(2);
    const capped = new HorizontalPodAutoscaler(spec({ maxReplicas: 3 }));
    expect(capped.reconcile(0, 2, q(100_000)).desired).toBe(3);
  });

  it('follows whichever metric asks for more: CPU keeps the capacity when the queue is empty', () => {
    const hpa = new HorizontalPodAutoscaler(
      spec({
        cpuTargetUtilization: 0.7,
        behavior: {
          ...SIBYL_BEHAVIOR,
          scaleDown: { ...SIBYL_BEHAVIOR.scaleDown, stabilizationWindowSeconds: 0 },
        },
      }),
    );
    // 10 pods 90 % busy, queue empty: queue depth alone says 0, CPU says ceil(10 x 0.9 / 0.7) = 13.
    expect(
      hpa.reconcile(0, 10, { queueDepth: 0, readyPods: 10, cpuUtilization: 0.9 }).proposed,
    ).toBe(13);
    // 10 pods 30 % busy: both ask for fewer; CPU's ceil(10 x 0.3 / 0.7) = 5 is the larger.
    expect(
      hpa.reconcile(15, 10, { queueDepth: 0, readyPods: 10, cpuUtilization: 0.3 }).proposed,
    ).toBe(5);
  });
});
