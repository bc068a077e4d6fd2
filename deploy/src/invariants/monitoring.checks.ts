import type { AppName } from '../app-facts/app-sources';
import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { LabelSelector, selectorMatches } from './label-selectors';
import { ofKind, podTemplates, sibylApp } from './pod-templates';

/** The alerts issues 5, 9 and 11 ask for, by the condition each one watches. */
export const REQUIRED_ALERTS = {
  'backlog growing for N minutes': 'SibylBacklogGrowing',
  'no consumers': 'SibylNoConsumers',
  'dead-letter queue not empty': 'SibylDeadLetterQueueNotEmpty',
  'p99 latency over target': 'SibylPredictionLatencyP99High',
  'predictor not ready': 'SibylPredictorNotReady',
  'consumer stalled': 'SibylConsumerStalled',
  'topology mismatch': 'SibylTopologyMismatch',
  'age of the oldest unfinished request': 'SibylOldestUnfinishedRequestOld',
  'outbox backlog bytes': 'SibylOutboxBacklogBytesHigh',
  'live accuracy over the last N feedback items below a threshold': 'SibylLiveAccuracyLow',
} as const;

interface AlertRule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Metric name without the histogram/summary series suffix. */
const baseName = (name: string) => name.replace(/_(bucket|sum|count)$/, '');

/**
 * Monitoring invariants: the PrometheusRule has every required alert, each with a `for` duration,
 * a severity and a summary; every `sibyl_*` metric an expression uses is declared in the apps' or
 * libs' sources; every PodMonitor scrapes a named port of the pods it selects, and only Sibyl apps
 * that serve /metrics.
 */
export function monitoringViolations(
  resources: K8sResource[],
  metricNames: Set<string>,
  servesMetrics: (app: AppName) => boolean,
): string[] {
  const violations: string[] = [];
  const known = new Set([...metricNames].map(baseName));
  const rules = ofKind(resources, 'PrometheusRule').flatMap((rule) =>
    (rule.spec as { groups: Array<{ rules: AlertRule[] }> }).groups.flatMap((g) =>
      g.rules.map((r) => ({ owner: rule, rule: r })),
    ),
  );
  if (ofKind(resources, 'PrometheusRule').length > 0) {
    for (const [condition, name] of Object.entries(REQUIRED_ALERTS)) {
      if (!rules.some(({ rule }) => rule.alert === name))
        violations.push(`PrometheusRule: no ${name} alert (${condition})`);
    }
  }
  for (const { owner, rule } of rules.filter(({ rule }) => rule.alert)) {
    const where = `${resourceId(owner)} alert ${rule.alert}`;
    if (!rule.for) violations.push(`${where}: no "for" duration (would fire on a single sample)`);
    if (!rule.labels?.severity) violations.push(`${where}: no severity label`);
    if (!rule.annotations?.summary) violations.push(`${where}: no summary annotation`);
    for (const metric of rule.expr.match(/\bsibyl_[a-z0-9_]+/g) ?? []) {
      if (!known.has(baseName(metric)))
        violations.push(`${where}: metric ${metric} is declared nowhere in apps/ or libs/`);
    }
  }
  for (const monitor of ofKind(resources, 'PodMonitor')) {
    const spec = monitor.spec as {
      selector: LabelSelector;
      podMetricsEndpoints: Array<{ port?: string; path?: string }>;
    };
    const pods = podTemplates(resources).filter(
      (t) => t.namespace === monitor.metadata.namespace && selectorMatches(spec.selector, t.labels),
    );
    for (const pod of pods) {
      for (const endpoint of spec.podMetricsEndpoints) {
        if (!pod.spec.containers.some((c) => c.ports?.some((p) => p.name === endpoint.port))) {
          violations.push(
            `${resourceId(monitor)}: ${resourceId(pod.owner)} has no port named ${endpoint.port}`,
          );
        }
      }
      for (const container of pod.spec.containers) {
        const app = sibylApp(container);
        if (app && !servesMetrics(app))
          violations.push(`${resourceId(monitor)}: apps/${app} does not serve /metrics`);
      }
    }
  }
  return violations;
}
