import type { ScalingPolicy, ScalingRules } from './hpa-behavior';

/** A replica change the controller made (positive size, in the direction of its list). */
export interface ScaleEvent {
  at: number;
  change: number;
}

/** Replicas changed by the events within the last `periodSeconds` (kube `getReplicasChangePerPeriod`). */
export function changeWithin(events: ScaleEvent[], now: number, periodSeconds: number): number {
  return events.filter((e) => e.at > now - periodSeconds).reduce((sum, e) => sum + e.change, 0);
}

/** How policies propose a limit in one direction, and which proposal each selectPolicy keeps. */
interface ScaleDirection {
  propose(start: number, policy: ScalingPolicy): number;
  select: Record<'Max' | 'Min', (...proposals: number[]) => number>;
}

/**
 * The limit function of one direction: each policy proposes from the replica count at the start of
 * its period (the current count minus the changes made within the period), selectPolicy keeps one
 * proposal, and Disabled keeps the current count.
 */
function limitIn(direction: ScaleDirection) {
  return (
    current: number,
    ups: ScaleEvent[],
    downs: ScaleEvent[],
    rules: ScalingRules,
    now: number,
  ): number => {
    if (rules.selectPolicy === 'Disabled') return current;
    const proposals = rules.policies.map((policy) => {
      const start =
        current -
        changeWithin(ups, now, policy.periodSeconds) +
        changeWithin(downs, now, policy.periodSeconds);
      return direction.propose(start, policy);
    });
    return direction.select[rules.selectPolicy](...proposals);
  };
}

/**
 * Highest replica count the scale-up policies allow now: each policy proposes from the replica count
 * at the start of its period (Pods: + value; Percent: x (1 + value/100), rounded up), and
 * selectPolicy picks the largest (Max) or smallest (Min) proposal (kube
 * `calculateScaleUpLimitWithScalingRules`).
 */
export const scaleUpLimit = limitIn({
  propose: (start, policy) =>
    policy.type === 'Pods' ? start + policy.value : Math.ceil(start * (1 + policy.value / 100)),
  select: { Max: Math.max, Min: Math.min },
});

/**
 * Lowest replica count the scale-down policies allow now (Pods: - value; Percent: x (1 - value/100),
 * truncated); Max picks the policy that removes most, Min the one that removes least (kube
 * `calculateScaleDownLimitWithBehaviors`).
 */
export const scaleDownLimit = limitIn({
  propose: (start, policy) =>
    policy.type === 'Pods' ? start - policy.value : Math.trunc(start * (1 - policy.value / 100)),
  select: { Max: Math.min, Min: Math.max },
});
