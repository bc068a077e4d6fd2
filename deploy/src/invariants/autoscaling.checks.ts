import { MessagingV1 } from '@sibyl/contracts';
import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { ofKind, podTemplates } from './pod-templates';

interface ScaleTargetRef {
  apiVersion?: string;
  kind?: string;
  name: string;
}

interface HpaSpec {
  scaleTargetRef: ScaleTargetRef;
  minReplicas?: number;
  maxReplicas: number;
  metrics?: Array<{
    type: string;
    external?: {
      metric: { name: string; selector?: { matchLabels?: Record<string, string> } };
      target: { type: string; averageValue?: string | number };
    };
    resource?: { name: string; target: { type: string; averageUtilization?: number } };
  }>;
  behavior?: {
    scaleUp?: { policies?: unknown[] };
    scaleDown?: { policies?: unknown[]; stabilizationWindowSeconds?: number };
  };
}

interface ScaledObjectSpec {
  scaleTargetRef: ScaleTargetRef;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  triggers: Array<{ type: string; metadata: Record<string, string> }>;
}

/** Checks shared by HPA and ScaledObject targets: an existing Deployment, without spec.replicas, whose containers request CPU and memory. */
function targetViolations(
  resources: K8sResource[],
  scaler: K8sResource,
  ref: ScaleTargetRef,
): string[] {
  const where = resourceId(scaler);
  if ((ref.kind ?? 'Deployment') !== 'Deployment')
    return [`${where}: scales a ${ref.kind}, expected the predictor Deployment`];
  const target = ofKind(resources, 'Deployment').find(
    (d) => d.metadata.name === ref.name && d.metadata.namespace === scaler.metadata.namespace,
  );
  if (!target) return [`${where}: scaleTargetRef Deployment/${ref.name} does not exist`];
  const violations: string[] = [];
  if ((target.spec as { replicas?: number }).replicas !== undefined) {
    violations.push(
      `${resourceId(target)}: sets spec.replicas although ${where} owns its replica count (every apply would reset it)`,
    );
  }
  const template = podTemplates([target])[0];
  for (const container of [...(template.spec.initContainers ?? []), ...template.spec.containers]) {
    for (const resource of ['cpu', 'memory']) {
      if (container.resources?.requests?.[resource] === undefined) {
        violations.push(
          `${resourceId(target)} container ${container.name}: no ${resource} request (needed by the scheduler and any utilisation metric)`,
        );
      }
    }
  }
  return violations;
}

/**
 * Autoscaling invariants. HPA: existing target, min <= max, scale-up and scale-down behaviour, an
 * External AverageValue metric on the requests queue that the prometheus-adapter rules expose, and
 * a CPU Utilization metric. KEDA ScaledObject: existing target, a rabbitmq trigger on the requests
 * queue in HTTP mode counting unacknowledged messages, and a cpu trigger. No Deployment is scaled
 * by two autoscalers.
 */
export function autoscalingViolations(
  resources: K8sResource[],
  externalMetricNames: Set<string>,
): string[] {
  const violations: string[] = [];
  const scaled = new Map<string, string>();
  const claim = (scaler: K8sResource, ref: ScaleTargetRef) => {
    const key = `${scaler.metadata.namespace}/${ref.name}`;
    if (scaled.has(key))
      violations.push(
        `${resourceId(scaler)} and ${scaled.get(key)} both scale Deployment/${ref.name}`,
      );
    scaled.set(key, resourceId(scaler));
  };
  for (const hpa of ofKind(resources, 'HorizontalPodAutoscaler')) {
    const spec = hpa.spec as HpaSpec;
    const where = resourceId(hpa);
    claim(hpa, spec.scaleTargetRef);
    violations.push(...targetViolations(resources, hpa, spec.scaleTargetRef));
    if ((spec.minReplicas ?? 1) < 1 || (spec.minReplicas ?? 1) > spec.maxReplicas)
      violations.push(`${where}: needs 1 <= minReplicas <= maxReplicas`);
    if (!spec.behavior?.scaleUp?.policies?.length || !spec.behavior?.scaleDown?.policies?.length) {
      violations.push(`${where}: needs explicit scaleUp and scaleDown policies`);
    }
    const cpu = (spec.metrics ?? []).find(
      (m) => m.type === 'Resource' && m.resource?.name === 'cpu',
    )?.resource?.target;
    const utilization = cpu?.averageUtilization ?? 0;
    if (cpu?.type !== 'Utilization' || !(utilization > 0 && utilization < 100)) {
      violations.push(
        `${where}: needs a CPU Utilization metric below 100 % (queue depth alone scales busy workers away)`,
      );
    }
    const external = (spec.metrics ?? []).flatMap((m) =>
      m.type === 'External' && m.external ? [m.external] : [],
    );
    if (external.length === 0) violations.push(`${where}: has no External queue-depth metric`);
    for (const metric of external) {
      if (!externalMetricNames.has(metric.metric.name))
        violations.push(
          `${where}: External metric ${metric.metric.name} is exposed by no prometheus-adapter rule`,
        );
      if (metric.metric.selector?.matchLabels?.queue !== MessagingV1.RequestsQueue)
        violations.push(`${where}: metric selector must pick queue=${MessagingV1.RequestsQueue}`);
      if (metric.target.type !== 'AverageValue')
        violations.push(`${where}: target must be AverageValue (queue depth per predictor)`);
    }
  }
  for (const scaledObject of ofKind(resources, 'ScaledObject')) {
    const spec = scaledObject.spec as ScaledObjectSpec;
    const where = resourceId(scaledObject);
    claim(scaledObject, spec.scaleTargetRef);
    violations.push(...targetViolations(resources, scaledObject, spec.scaleTargetRef));
    if ((spec.minReplicaCount ?? 0) > (spec.maxReplicaCount ?? 100))
      violations.push(`${where}: minReplicaCount > maxReplicaCount`);
    if (
      !spec.triggers.some(
        (t) => t.type === 'cpu' && (t as { metricType?: string }).metricType === 'Utilization',
      )
    ) {
      violations.push(
        `${where}: needs a cpu Utilization trigger (queue depth alone scales busy workers away)`,
      );
    }
    const rabbit = spec.triggers.filter((t) => t.type === 'rabbitmq');
    if (rabbit.length === 0) violations.push(`${where}: has no rabbitmq trigger`);
    for (const { metadata } of rabbit) {
      if (metadata.protocol !== 'http')
        violations.push(
          `${where}: rabbitmq trigger must use protocol http (amqp counts ready messages only)`,
        );
      if (metadata.excludeUnacknowledged === 'true')
        violations.push(`${where}: excludeUnacknowledged must stay false (in-flight work counts)`);
      if (metadata.queueName !== MessagingV1.RequestsQueue)
        violations.push(`${where}: queueName must be ${MessagingV1.RequestsQueue}`);
      if (metadata.mode !== 'QueueLength' || !(Number(metadata.value) > 0))
        violations.push(`${where}: needs mode QueueLength and a positive value`);
      const host = metadata.host ? new URL(metadata.host).hostname : '';
      if (
        scaledObject.metadata.namespace &&
        !host.includes(`.${scaledObject.metadata.namespace}.`)
      ) {
        violations.push(
          `${where}: host ${metadata.host} must name the RabbitMQ Service of namespace ${scaledObject.metadata.namespace} (KEDA runs elsewhere)`,
        );
      }
    }
  }
  return violations;
}
