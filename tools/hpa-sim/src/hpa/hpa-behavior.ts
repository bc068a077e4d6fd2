/**
 * The autoscaling/v2 HorizontalPodAutoscaler fields the simulator models, with the defaults the
 * Kubernetes API applies when `behavior` is omitted.
 */
export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: ScalingPolicy[];
}

export interface HpaBehavior {
  scaleUp: ScalingRules;
  scaleDown: ScalingRules;
}

/**
 * The Sibyl predictor HPA: an External metric with an AverageValue target (queue depth per
 * predictor) and, optionally, a CPU Resource metric with a Utilization target.
 */
export interface HpaSpec {
  minReplicas: number;
  maxReplicas: number;
  /** External metric target.averageValue: queue depth per replica. */
  targetAverageValue: number;
  /** Resource cpu target.averageUtilization as a fraction (0.7 = 70 %); undefined = no CPU metric. */
  cpuTargetUtilization?: number;
  /** --horizontal-pod-autoscaler-tolerance of kube-controller-manager (default 0.1). */
  tolerance: number;
  behavior: HpaBehavior;
}

/** Kubernetes' default behaviour (HPA v2 API docs, "Default Behavior"). */
export const DEFAULT_BEHAVIOR: HpaBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, periodSeconds: 15 },
      { type: 'Pods', value: 4, periodSeconds: 15 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
  },
};
