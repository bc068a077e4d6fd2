import { simulate } from './queue-simulator';
import type { SimulationParams, SimulationSummary } from './simulation-types';

/** The outcome of {@link searchTarget}. */
export interface TargetRecommendation {
  latencyBoundSeconds: number;
  /**
   * Steady state: the HPA lets the depth per predictor reach target x (1 + tolerance) before it
   * adds pods, and a predictor drains perPodRate messages/s, so a standing backlog waits about
   * target x (1 + tolerance) / perPodRate. The largest target keeping that under the bound.
   */
  steadyStateTarget: number;
  /** Every candidate simulated over the ramp, smallest target first. */
  candidates: SimulationSummary[];
  /** Largest simulated target whose p99 latency over the ramp stays under the bound (undefined: none). */
  rampTarget?: number;
  /** min(steadyStateTarget, rampTarget): the value to put into the HPA. */
  recommended?: number;
}

/** Targets tried by default: 25 ... 5,000 messages per predictor. */
export const DEFAULT_CANDIDATES = [
  25, 50, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000,
];

/**
 * Finds the HPA target (queue depth per predictor) that keeps the backlog under a latency bound:
 * the steady-state bound from the per-pod rate, checked by simulating the ramp with each candidate
 * (the ramp adds start-up delay, sync period and scale-up limits). `onCandidate` reports progress.
 */
export function searchTarget(
  base: SimulationParams,
  latencyBoundSeconds: number,
  candidates = DEFAULT_CANDIDATES,
  onCandidate: (summary: SimulationSummary) => void = () => undefined,
): TargetRecommendation {
  const steadyStateTarget = Math.floor(
    (base.perPodRate * latencyBoundSeconds) / (1 + base.hpa.tolerance),
  );
  const results = candidates.map((target) => {
    const { summary } = simulate(
      { ...base, hpa: { ...base.hpa, targetAverageValue: target } },
      latencyBoundSeconds,
    );
    onCandidate(summary);
    return summary;
  });
  const passing = results
    .filter((s) => s.p99LatencySeconds <= latencyBoundSeconds)
    .map((s) => s.targetAverageValue);
  const rampTarget = passing.length > 0 ? Math.max(...passing) : undefined;
  const recommended =
    rampTarget === undefined ? undefined : Math.min(rampTarget, steadyStateTarget);
  return { latencyBoundSeconds, steadyStateTarget, candidates: results, rampTarget, recommended };
}

/**
 * When no target is enough (the surge outruns start-up and sync delays), the smallest minReplicas
 * (warm capacity) that keeps the p99 latency under the bound with `target`, or undefined when even
 * maxReplicas does not.
 */
export function searchMinReplicas(
  base: SimulationParams,
  latencyBoundSeconds: number,
  target: number,
): number | undefined {
  for (let min = base.hpa.minReplicas; min <= base.hpa.maxReplicas; min++) {
    const { summary } = simulate(
      { ...base, hpa: { ...base.hpa, minReplicas: min, targetAverageValue: target } },
      latencyBoundSeconds,
    );
    if (summary.p99LatencySeconds <= latencyBoundSeconds) return min;
  }
  return undefined;
}
