/**
 * The replica proposal of the HPA controller for an External metric with an AverageValue target
 * (kube-controller-manager `GetExternalMetricReplicas`): the usage ratio is
 * total / (target x current replicas); within the tolerance the replica count stays, otherwise
 * desired = ceil(total / target) — which is ceil(current x metric-per-pod / target).
 */
export function proposedReplicas(
  currentReplicas: number,
  metricTotal: number,
  targetAverageValue: number,
  tolerance: number,
): number {
  if (currentReplicas === 0) return 0;
  const usageRatio = metricTotal / (targetAverageValue * currentReplicas);
  if (Math.abs(1 - usageRatio) <= tolerance) return currentReplicas;
  return Math.ceil(metricTotal / targetAverageValue);
}

/**
 * The replica proposal for a Resource metric with a Utilization target (kube `GetResourceReplicas`
 * for the ready pods): ratio = utilization / target; within the tolerance the count stays;
 * otherwise ceil(ratio x ready pods). When scaling up while pods are still starting, those count
 * as 0 % busy, and a proposal that would then not scale up keeps the current count.
 */
export function proposedReplicasForUtilization(
  currentReplicas: number,
  readyPods: number,
  utilization: number,
  targetUtilization: number,
  tolerance: number,
): number {
  if (readyPods === 0) return currentReplicas;
  const ratio = utilization / targetUtilization;
  if (Math.abs(1 - ratio) <= tolerance) return currentReplicas;
  const unready = Math.max(0, currentReplicas - readyPods);
  if (ratio > 1 && unready > 0) {
    const adjusted = (utilization * readyPods) / (targetUtilization * (readyPods + unready));
    if (adjusted <= 1 || Math.abs(1 - adjusted) <= tolerance) return currentReplicas;
    return Math.ceil(adjusted * (readyPods + unready));
  }
  return Math.ceil(ratio * readyPods);
}
