import { join } from 'node:path';
import { K8S_ROOT } from '../manifests/deploy-paths';
import type { K8sResource } from '../manifests/k8s-resource';
import { requireKustomize, renderKustomization } from '../manifests/kustomize';
import { autoscalingViolations } from './autoscaling.checks';
import { configViolations } from './config.checks';
import { containerViolations, isPinnedImage } from './container.checks';
import { DeployContext, loadDeployContext } from './deploy-context';
import { monitoringViolations } from './monitoring.checks';
import { PodSpec } from './pod-templates';
import { probeViolations } from './probe.checks';
import { selectorViolations } from './selector.checks';

/**
 * Each invariant must catch the mistake it exists for: the checks run on a mutated copy of the
 * rendered prod (or keda) overlay and must report it, while the unmutated copy passes.
 */
const kustomize = requireKustomize();
const prod = renderKustomization(kustomize, join(K8S_ROOT, 'overlays/prod'));
const keda = renderKustomization(kustomize, join(K8S_ROOT, 'overlays/keda'));
let context: DeployContext;
beforeAll(() => {
  context = loadDeployContext();
});

/** A deep copy of the overlay with `mutate` applied. */
function mutated(source: K8sResource[], mutate: (resources: K8sResource[]) => void): K8sResource[] {
  const copy = structuredClone(source);
  mutate(copy);
  return copy;
}

const find = (resources: K8sResource[], kind: string, name: string) =>
  resources.find((r) => r.kind === kind && r.metadata.name.startsWith(name))!;
const pod = (resources: K8sResource[], name: string) =>
  (find(resources, 'Deployment', name).spec as { template: { spec: PodSpec } }).template.spec;
const metricNames = () => new Set(context.adapterRules.map((r) => r.name.as));

describe('selector checks', () => {
  it('accept the overlay', () => expect(selectorViolations(prod)).toEqual([]));

  it('catch a workload whose selector misses its pod labels', () => {
    const bad = mutated(prod, (r) => {
      (
        find(r, 'Deployment', 'gateway').spec as {
          selector: { matchLabels: Record<string, string> };
        }
      ).selector.matchLabels['app.kubernetes.io/name'] = 'gatewya';
    });
    expect(selectorViolations(bad)).toContain(
      'Deployment/sibyl/gateway: spec.selector does not match its pod template labels',
    );
  });

  it('catch a Service, PDB or NetworkPolicy peer that selects nothing', () => {
    const bad = mutated(prod, (r) => {
      (find(r, 'Service', 'predictor').spec as { selector: Record<string, string> }).selector = {
        'app.kubernetes.io/name': 'predicter',
      };
      (find(r, 'PodDisruptionBudget', 'dashboard').spec as { selector: object }).selector = {
        matchLabels: { app: 'dash' },
      };
      const policy = find(r, 'NetworkPolicy', 'predictor').spec as {
        egress: Array<{ to: Array<{ podSelector: object }> }>;
      };
      policy.egress[0].to[0].podSelector = { matchLabels: { 'app.kubernetes.io/name': 'rabbit' } };
    });
    const violations = selectorViolations(bad);
    expect(violations).toContain('Service/sibyl/predictor: spec.selector selects no pod');
    expect(violations).toContain(
      'PodDisruptionBudget/sibyl/dashboard: spec.selector selects no pod',
    );
    expect(
      violations.some((v) => v.startsWith('NetworkPolicy/sibyl/predictor: peer podSelector')),
    ).toBe(true);
  });
});

describe('probe checks', () => {
  it('accept the overlay', () => expect(probeViolations(prod, context.facts)).toEqual([]));

  it('catch a probe on a path the app does not serve, a wrong port, or a missing probe', () => {
    const bad = mutated(prod, (r) => {
      const gateway = pod(r, 'gateway').containers[0];
      gateway.readinessProbe!.httpGet!.path = '/healthz';
      pod(r, 'predictor').containers[0].ports![0].containerPort = 8080;
      delete pod(r, 'dashboard').containers[0].livenessProbe;
    });
    const violations = probeViolations(bad, context.facts);
    expect(
      violations.some((v) =>
        v.includes(
          'container gateway: readinessProbe path /healthz is not a GET route of apps/gateway',
        ),
      ),
    ).toBe(true);
    expect(
      violations.some((v) =>
        v.includes(
          'container predictor: livenessProbe port http -> 8080, but the app listens on 3002',
        ),
      ),
    ).toBe(true);
    expect(violations.some((v) => v.includes('container dashboard: no livenessProbe'))).toBe(true);
  });

  it('follow the port the ConfigMap configures', () => {
    const bad = mutated(prod, (r) => {
      (find(r, 'ConfigMap', 'sibyl-config').data as Record<string, string>).GATEWAY_PORT = '4000';
    });
    expect(
      probeViolations(bad, context.facts).some((v) => v.includes('but the app listens on 4000')),
    ).toBe(true);
  });
});

describe('autoscaling checks', () => {
  it('accept both autoscaling setups', () => {
    expect(autoscalingViolations(prod, metricNames())).toEqual([]);
    expect(autoscalingViolations(keda, metricNames())).toEqual([]);
  });

  it('catch a scaled Deployment without requests or with a fixed replica count', () => {
    const bad = mutated(prod, (r) => {
      delete pod(r, 'predictor').containers[0].resources!.requests!.cpu;
      (find(r, 'Deployment', 'predictor').spec as { replicas?: number }).replicas = 3;
    });
    const violations = autoscalingViolations(bad, metricNames());
    expect(violations.some((v) => v.includes('container predictor: no cpu request'))).toBe(true);
    expect(violations.some((v) => v.includes('sets spec.replicas'))).toBe(true);
  });

  it('catch a missing target, an unknown metric and a wrong queue', () => {
    const bad = mutated(prod, (r) => {
      const spec = find(r, 'HorizontalPodAutoscaler', 'predictor').spec as {
        scaleTargetRef: { name: string };
        metrics: Array<{
          external: { metric: { name: string; selector: { matchLabels: { queue: string } } } };
        }>;
      };
      spec.scaleTargetRef.name = 'predictors';
      spec.metrics[0].external.metric.name = 'rabbitmq_queue_messages';
      spec.metrics[0].external.metric.selector.matchLabels.queue = 'other';
    });
    const violations = autoscalingViolations(bad, metricNames());
    expect(violations).toContain(
      'HorizontalPodAutoscaler/sibyl/predictor: scaleTargetRef Deployment/predictors does not exist',
    );
    expect(
      violations.some((v) =>
        v.includes('rabbitmq_queue_messages is exposed by no prometheus-adapter rule'),
      ),
    ).toBe(true);
    expect(violations.some((v) => v.includes('metric selector must pick queue='))).toBe(true);
  });

  it('catch an HPA on queue depth alone', () => {
    const bad = mutated(prod, (r) => {
      const spec = find(r, 'HorizontalPodAutoscaler', 'predictor').spec as {
        metrics: Array<{ type: string }>;
      };
      spec.metrics = spec.metrics.filter((m) => m.type !== 'Resource');
    });
    expect(
      autoscalingViolations(bad, metricNames()).some((v) =>
        v.includes('needs a CPU Utilization metric'),
      ),
    ).toBe(true);
  });

  it('catch a KEDA trigger in AMQP mode (ready messages only) and two autoscalers on one Deployment', () => {
    const bad = mutated(keda, (r) => {
      const spec = find(r, 'ScaledObject', 'predictor').spec as {
        triggers: Array<{ metadata: Record<string, string> }>;
      };
      spec.triggers[0].metadata.protocol = 'amqp';
      r.push(find(prod, 'HorizontalPodAutoscaler', 'predictor'));
    });
    const violations = autoscalingViolations(bad, metricNames());
    expect(violations.some((v) => v.includes('must use protocol http'))).toBe(true);
    expect(violations.some((v) => v.includes('both scale Deployment/predictor'))).toBe(true);
  });
});

describe('container checks', () => {
  it('accept the overlay', () => expect(containerViolations(prod)).toEqual([]));

  it('pin images by tag (not latest) or digest', () => {
    expect(isPinnedImage('registry.example.com:5000/sibyl/gateway:0.1.0')).toBe(true);
    expect(isPinnedImage(`sibyl/gateway@sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(isPinnedImage('registry.example.com:5000/sibyl/gateway')).toBe(false);
    expect(isPinnedImage('mongo:latest')).toBe(false);
  });

  it('catch latest tags, root users, privilege escalation, kept capabilities and writable root filesystems', () => {
    const bad = mutated(prod, (r) => {
      const gateway = pod(r, 'gateway');
      gateway.containers[0].image = 'registry.example.com/sibyl/gateway:latest';
      gateway.securityContext!.runAsUser = 0;
      gateway.securityContext!.runAsNonRoot = false;
      const predictor = pod(r, 'predictor').containers[0];
      predictor.securityContext!.allowPrivilegeEscalation = true;
      predictor.securityContext!.capabilities = { drop: ['ALL'], add: ['NET_ADMIN'] };
      predictor.securityContext!.readOnlyRootFilesystem = false;
    });
    const violations = containerViolations(bad);
    for (const expected of [
      'container gateway: image registry.example.com/sibyl/gateway:latest is not pinned',
      'container gateway: runAsNonRoot is not true',
      'container gateway: runs as uid 0',
      'container predictor: allowPrivilegeEscalation must be false',
      'container predictor: must drop ALL capabilities and add none',
      'container predictor: readOnlyRootFilesystem must be true',
    ]) {
      expect(violations.some((v) => v.includes(expected))).toBe(true);
    }
  });
});

describe('config checks', () => {
  it('accept the overlay', () => expect(configViolations(prod, context.facts)).toEqual([]));

  it('catch missing Secret keys, unknown settings, undefined expansions and a short grace period', () => {
    const bad = mutated(prod, (r) => {
      const predictor = pod(r, 'predictor');
      predictor.containers[0].env![0].valueFrom!.secretKeyRef!.key = 'user';
      predictor.containers[0].env!.push({ name: 'PREDICTOR_PROT', value: '3003' });
      predictor.containers[0].env!.push({ name: 'MODEL_PATH', value: '$(MODEL_DIR)/langid.model' });
      predictor.terminationGracePeriodSeconds = 5;
      (find(r, 'ConfigMap', 'sibyl-config').data as Record<string, string>).PREFECTH = '64';
    });
    const violations = configViolations(bad, context.facts);
    for (const expected of [
      'container predictor: Secret sibyl-rabbitmq-predictor has no key user',
      'container predictor: env PREDICTOR_PROT is not a setting of apps/predictor',
      'container predictor: MODEL_PATH expands $(MODEL_DIR) which is not defined before it',
      'container predictor: PREFECTH is a setting of no Sibyl app',
      'terminationGracePeriodSeconds 5 < SHUTDOWN_TIMEOUT_MS 10000 ms + 10 s margin',
    ]) {
      expect(violations.some((v) => v.includes(expected))).toBe(true);
    }
  });

  it('catch a MongoDB user whose Secret names another user', () => {
    const bad = mutated(prod, (r) => {
      const secret = find(r, 'Secret', 'sibyl-mongodb-user');
      (secret.data as Record<string, string>).username = Buffer.from('admin').toString('base64');
    });
    expect(
      configViolations(bad, context.facts).some((v) =>
        v.includes('user sibyl but Secret sibyl-mongodb-user says username=admin'),
      ),
    ).toBe(true);
  });
});

describe('monitoring checks', () => {
  it('accept the overlay', () =>
    expect(monitoringViolations(prod, context.metricNames, context.servesMetrics)).toEqual([]));

  it('catch a missing alert, an undeclared metric and a PodMonitor on an unnamed port', () => {
    const bad = mutated(prod, (r) => {
      const groups = (
        find(r, 'PrometheusRule', 'sibyl').spec as {
          groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
        }
      ).groups;
      groups[0].rules = groups[0].rules.filter((rule) => rule.alert !== 'SibylNoConsumers');
      groups[0].rules[0].expr = 'sibyl_queue_depth_total > 1';
      (
        find(r, 'PodMonitor', 'sibyl-apps').spec as { podMetricsEndpoints: Array<{ port: string }> }
      ).podMetricsEndpoints[0].port = 'metrics';
    });
    const violations = monitoringViolations(bad, context.metricNames, context.servesMetrics);
    expect(violations).toContain('PrometheusRule: no SibylNoConsumers alert (no consumers)');
    expect(
      violations.some((v) => v.includes('metric sibyl_queue_depth_total is declared nowhere')),
    ).toBe(true);
    expect(violations.some((v) => v.includes('has no port named metrics'))).toBe(true);
  });
});
