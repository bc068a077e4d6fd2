import type { TargetRecommendation } from '../simulation/target-search';
import type { SimulationSummary } from '../simulation/simulation-types';

/** One line of figures for a run. */
export function summaryLine(s: SimulationSummary): string {
  return (
    `target ${String(s.targetAverageValue).padStart(5)}: peak ${String(s.peakReplicas).padStart(3)} pods, ` +
    `peak depth ${Math.round(s.peakQueueDepth).toString().padStart(7)}, latency p50 ${s.p50LatencySeconds.toFixed(2)} s ` +
    `p99 ${s.p99LatencySeconds.toFixed(2)} s max ${s.maxLatencySeconds.toFixed(1)} s, ` +
    `${(s.replicaSeconds / 3600).toFixed(1)} pod-hours, ${s.secondsOverLatency.toFixed(0)} s over the bound`
  );
}

/** The recommendation as readable lines. */
export function recommendationLines(
  r: TargetRecommendation,
  perPodRate: number,
  tolerance: number,
): string[] {
  return [
    `steady state: a predictor drains ${perPodRate.toFixed(0)} msg/s and the HPA acts above target x ${1 + tolerance},` +
      ` so target <= ${perPodRate.toFixed(0)} x ${r.latencyBoundSeconds} s / ${1 + tolerance} = ${r.steadyStateTarget}`,
    r.rampTarget === undefined
      ? `ramp: no simulated target keeps the p99 latency under ${r.latencyBoundSeconds} s — raise minReplicas, shorten the start-up or allow faster scale-up`
      : `ramp: the largest simulated target with p99 <= ${r.latencyBoundSeconds} s is ${r.rampTarget}`,
    r.recommended === undefined
      ? 'recommended target: none meets the bound'
      : `recommended target (averageValue): ${r.recommended}`,
  ];
}
