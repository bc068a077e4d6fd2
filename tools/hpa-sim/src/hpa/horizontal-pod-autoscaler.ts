import type { HpaSpec } from './hpa-behavior';
import { proposedReplicas, proposedReplicasForUtilization } from './replica-calculator';
import { ScaleEvent, scaleDownLimit, scaleUpLimit } from './scale-limits';
import { RecommendationHistory } from './stabilization';

/** The metric values one controller sync reads. */
export interface HpaObservation {
  /** The External metric's total (queue depth, ready + unacked). */
  queueDepth: number;
  /** Pods that are ready (Resource metrics only count those). */
  readyPods: number;
  /** Mean CPU utilization of the ready pods, as a fraction of their request. */
  cpuUtilization?: number;
}

/** What one controller sync decided. */
export interface HpaDecision {
  /** The largest proposal over the metrics (each: ceil(...) or the current count within the tolerance). */
  proposed: number;
  /** After the stabilization windows. */
  stabilized: number;
  /** After the scale-up/down policies and min/max: the new spec.replicas. */
  desired: number;
}

/**
 * The HPA controller's reconcile, as kube-controller-manager does it every sync period: a proposal
 * per metric (External AverageValue queue depth; Resource CPU utilization if configured) with the
 * tolerance, the largest proposal wins, then the stabilization windows, the rate limits of the
 * behaviour policies (with the history of its own scale events) and min/max replicas.
 */
export class HorizontalPodAutoscaler {
  private readonly history = new RecommendationHistory();
  private readonly ups: ScaleEvent[] = [];
  private readonly downs: ScaleEvent[] = [];

  constructor(readonly spec: HpaSpec) {}

  /** Reconciles at `now` (seconds) given the replica count and the metrics; records the scale event. */
  reconcile(now: number, currentReplicas: number, observed: HpaObservation): HpaDecision {
    const { behavior, minReplicas, maxReplicas, tolerance, cpuTargetUtilization } = this.spec;
    let proposed = proposedReplicas(
      currentReplicas,
      observed.queueDepth,
      this.spec.targetAverageValue,
      tolerance,
    );
    if (cpuTargetUtilization !== undefined && observed.cpuUtilization !== undefined) {
      const byCpu = proposedReplicasForUtilization(
        currentReplicas,
        observed.readyPods,
        observed.cpuUtilization,
        cpuTargetUtilization,
        tolerance,
      );
      proposed = Math.max(proposed, byCpu);
    }
    const stabilized = this.history.stabilize(
      now,
      currentReplicas,
      proposed,
      behavior.scaleUp.stabilizationWindowSeconds,
      behavior.scaleDown.stabilizationWindowSeconds,
    );
    let desired = stabilized;
    if (stabilized > currentReplicas) {
      const limit = Math.max(
        scaleUpLimit(currentReplicas, this.ups, this.downs, behavior.scaleUp, now),
        currentReplicas,
      );
      desired = Math.min(stabilized, Math.min(limit, maxReplicas));
    } else if (stabilized < currentReplicas) {
      const limit = Math.min(
        scaleDownLimit(currentReplicas, this.ups, this.downs, behavior.scaleDown, now),
        currentReplicas,
      );
      desired = Math.max(stabilized, Math.max(limit, minReplicas));
    }
    desired = Math.min(Math.max(desired, minReplicas), maxReplicas);
    if (desired > currentReplicas) this.ups.push({ at: now, change: desired - currentReplicas });
    if (desired < currentReplicas) this.downs.push({ at: now, change: currentReplicas - desired });
    return { proposed, stabilized, desired };
  }
}
