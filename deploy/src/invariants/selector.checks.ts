import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { fromEqualityMap, LabelSelector, selectorMatches } from './label-selectors';
import { operatorManaged } from './operator-managed';
import { ofKind, podTemplates } from './pod-templates';

/** Label sets of every pod the resources will run (own templates and operator-managed pods), by namespace. */
function podLabelSets(
  resources: K8sResource[],
): Array<{ namespace?: string; labels: Record<string, string> }> {
  const own = podTemplates(resources).map((t) => ({ namespace: t.namespace, labels: t.labels }));
  return [...own, ...operatorManaged(resources).podLabels];
}

/** True when the selector picks at least one pod in the namespace. */
function selectsSomePod(
  resources: K8sResource[],
  namespace: string | undefined,
  selector: LabelSelector | undefined,
): boolean {
  return podLabelSets(resources).some(
    (pod) => pod.namespace === namespace && selectorMatches(selector, pod.labels),
  );
}

interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: unknown;
}
interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  to?: NetworkPolicyPeer[];
}

/**
 * Selector invariants: each workload's selector (a Job's may be left to the API server) matches its own
 * pod template; every Service,
 * PodDisruptionBudget, NetworkPolicy (its pods and its same-namespace pod peers) and PodMonitor
 * selects at least one pod; every ServiceMonitor selects a Service. Returns the violations.
 */
export function selectorViolations(resources: K8sResource[]): string[] {
  const violations: string[] = [];
  for (const template of podTemplates(resources)) {
    const selector = (template.owner.spec as { selector?: LabelSelector }).selector;
    // A Job (and each Job a CronJob creates) without a selector gets one generated from its own
    // pod (controller-uid).
    if ((template.owner.kind === 'Job' || template.owner.kind === 'CronJob') && !selector) continue;
    if (
      !selector ||
      !selectorMatches(selector, template.labels) ||
      Object.keys(selector).length === 0
    ) {
      violations.push(
        `${resourceId(template.owner)}: spec.selector does not match its pod template labels`,
      );
    }
  }
  const mustSelect = (owner: K8sResource, selector: LabelSelector | undefined, what: string) => {
    if (!selectsSomePod(resources, owner.metadata.namespace, selector)) {
      violations.push(`${resourceId(owner)}: ${what} selects no pod`);
    }
  };
  for (const service of ofKind(resources, 'Service')) {
    const selector = (service.spec as { selector?: Record<string, string> }).selector;
    if (selector) mustSelect(service, fromEqualityMap(selector), 'spec.selector');
  }
  for (const pdb of ofKind(resources, 'PodDisruptionBudget')) {
    mustSelect(pdb, (pdb.spec as { selector: LabelSelector }).selector, 'spec.selector');
  }
  for (const policy of ofKind(resources, 'NetworkPolicy')) {
    const spec = policy.spec as {
      podSelector: LabelSelector;
      ingress?: NetworkPolicyRule[];
      egress?: NetworkPolicyRule[];
    };
    mustSelect(policy, spec.podSelector, 'spec.podSelector');
    const peers = [
      ...(spec.ingress ?? []).flatMap((r) => r.from ?? []),
      ...(spec.egress ?? []).flatMap((r) => r.to ?? []),
    ];
    for (const peer of peers.filter((p) => p.podSelector && !p.namespaceSelector)) {
      mustSelect(policy, peer.podSelector, `peer podSelector ${JSON.stringify(peer.podSelector)}`);
    }
  }
  for (const monitor of ofKind(resources, 'PodMonitor')) {
    mustSelect(monitor, (monitor.spec as { selector: LabelSelector }).selector, 'spec.selector');
  }
  const services = [
    ...ofKind(resources, 'Service').map((s) => ({
      namespace: s.metadata.namespace,
      labels: s.metadata.labels ?? {},
    })),
    ...operatorManaged(resources).services,
  ];
  for (const monitor of ofKind(resources, 'ServiceMonitor')) {
    const selector = (monitor.spec as { selector: LabelSelector }).selector;
    if (
      !services.some(
        (s) => s.namespace === monitor.metadata.namespace && selectorMatches(selector, s.labels),
      )
    ) {
      violations.push(`${resourceId(monitor)}: spec.selector selects no Service`);
    }
  }
  return violations;
}
