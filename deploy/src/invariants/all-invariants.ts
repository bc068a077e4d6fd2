import type { K8sResource } from '../manifests/k8s-resource';
import { autoscalingViolations } from './autoscaling.checks';
import { configViolations } from './config.checks';
import { containerViolations } from './container.checks';
import type { DeployContext } from './deploy-context';
import { jobViolations } from './job.checks';
import { monitoringViolations } from './monitoring.checks';
import { probeViolations } from './probe.checks';
import { securityViolations } from './security.checks';
import { selectorViolations } from './selector.checks';

/** Every invariant of a rendered kustomization, grouped by check; an empty list everywhere = OK. */
export function allViolations(
  resources: K8sResource[],
  context: DeployContext,
): Record<string, string[]> {
  return {
    selectors: selectorViolations(resources),
    probes: probeViolations(resources, context.facts),
    autoscaling: autoscalingViolations(
      resources,
      new Set(context.adapterRules.map((r) => r.name.as)),
    ),
    containers: containerViolations(resources),
    config: configViolations(resources, context.facts),
    monitoring: monitoringViolations(resources, context.metricNames, context.servesMetrics),
    security: securityViolations(resources),
    jobs: jobViolations(resources),
  };
}
