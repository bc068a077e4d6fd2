import { join } from 'node:path';
import { MessagingV1 } from '@sibyl/contracts';
import { K8S_ROOT, KUSTOMIZATIONS, OVERLAYS } from '../manifests/deploy-paths';
import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { requireKustomize, renderKustomization } from '../manifests/kustomize';
import { validateAgainstApiSchema } from '../validation/api-schemas';
import { strictFieldProblems } from '../validation/strict-fields';
import { allViolations } from './all-invariants';
import { DeployContext, loadDeployContext } from './deploy-context';

/**
 * Renders every kustomization with a real kustomize (deploy/scripts/install-kustomize.sh) and checks
 * the output: API schema validation (kubernetes-models, KEDA and Prometheus Operator models, the
 * operator schemas), strict fields, and the invariants of ./all-invariants.ts.
 */
const DEPLOYABLE = [...OVERLAYS, 'prometheus-adapter'];

describe('rendered kustomizations', () => {
  const kustomize = requireKustomize();
  const rendered = new Map<string, K8sResource[]>(
    KUSTOMIZATIONS.map((k) => [k, renderKustomization(kustomize, join(K8S_ROOT, k))]),
  );
  let context: DeployContext;
  let strict: Map<string, string[]>;

  beforeAll(() => {
    context = loadDeployContext();
    const all = [...rendered.values()].flat();
    const byIndex = strictFieldProblems(all);
    strict = new Map([...byIndex].map(([index, problems]) => [resourceId(all[index]), problems]));
  });

  describe.each(KUSTOMIZATIONS)('%s', (name) => {
    const resources = rendered.get(name)!;

    it('renders Kubernetes objects', () => {
      expect(resources.length).toBeGreaterThan(0);
    });

    it('validates against the API schemas', () => {
      const problems = resources.flatMap((r) =>
        validateAgainstApiSchema(r).map((p) => `${resourceId(r)}: ${p}`),
      );
      expect(problems).toEqual([]);
    });

    it('uses only known fields (strict field validation)', () => {
      const problems = resources.flatMap((r) =>
        (strict.get(resourceId(r)) ?? []).map((p) => `${resourceId(r)}: ${p}`),
      );
      expect(problems).toEqual([]);
    });
  });

  // The base alone lacks the broker, the database and their credentials (each overlay provides
  // them), so the invariants are checked on what is actually applied.
  it.each(DEPLOYABLE)('%s keeps every invariant', (name) => {
    const violations = allViolations(rendered.get(name)!, context);
    expect(violations).toEqual({
      selectors: [],
      probes: [],
      autoscaling: [],
      containers: [],
      config: [],
      monitoring: [],
      security: [],
      jobs: [],
    });
  });

  it.each(OVERLAYS)('%s puts every namespaced object in one namespace', (overlay) => {
    const resources = rendered.get(overlay)!;
    const namespace = resources.find((r) => r.kind === 'Namespace')?.metadata.name;
    expect(namespace).toBeDefined();
    const elsewhere = resources
      .filter((r) => r.kind !== 'Namespace' && r.metadata.namespace !== namespace)
      .map(resourceId);
    expect(elsewhere).toEqual([]);
  });

  it('overlays/prod runs a 3-node RabbitMQ cluster and a 3-member MongoDB replica set', () => {
    const prod = rendered.get('overlays/prod')!;
    expect(prod.find((r) => r.kind === 'RabbitmqCluster')?.spec).toMatchObject({ replicas: 3 });
    expect(prod.find((r) => r.kind === 'MongoDBCommunity')?.spec).toMatchObject({
      members: 3,
      type: 'ReplicaSet',
    });
    const config = prod.find(
      (r) => r.kind === 'ConfigMap' && r.metadata.name.startsWith('sibyl-config'),
    )!.data as Record<string, string>;
    expect(config.MONGODB_OPTIONS).toContain('replicaSet=mongodb');
    expect(config.MONGODB_OPTIONS).toContain('w=majority');
  });

  it('overlays/keda replaces the HPA by a ScaledObject on the requests queue', () => {
    const keda = rendered.get('overlays/keda')!;
    expect(keda.filter((r) => r.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    const scaledObject = keda.find((r) => r.kind === 'ScaledObject')!;
    const spec = scaledObject.spec as { scaleTargetRef: { name: string }; triggers: unknown[] };
    expect(spec.scaleTargetRef.name).toBe('predictor');
    expect(spec.triggers).toContainEqual(
      expect.objectContaining({
        type: 'rabbitmq',
        metadata: expect.objectContaining({
          protocol: 'http',
          queueName: MessagingV1.RequestsQueue,
        }),
      }),
    );
  });

  it('the HPA and the KEDA triggers aim at the same queue depth per predictor and CPU utilization', () => {
    const hpa = rendered.get('overlays/prod')!.find((r) => r.kind === 'HorizontalPodAutoscaler')!
      .spec as {
      metrics: Array<{
        external: { target: { averageValue: string } };
        resource: { target: { averageUtilization: number } };
      }>;
      minReplicas: number;
      maxReplicas: number;
    };
    const scaledObject = rendered.get('overlays/keda')!.find((r) => r.kind === 'ScaledObject')!
      .spec as {
      triggers: Array<{ type: string; metadata: { value: string } }>;
      minReplicaCount: number;
      maxReplicaCount: number;
    };
    expect(scaledObject.triggers[0].metadata.value).toBe(
      String(hpa.metrics[0].external.target.averageValue),
    );
    expect(scaledObject.triggers.find((t) => t.type === 'cpu')?.metadata.value).toBe(
      String(hpa.metrics[1].resource.target.averageUtilization),
    );
    expect([scaledObject.minReplicaCount, scaledObject.maxReplicaCount]).toEqual([
      hpa.minReplicas,
      hpa.maxReplicas,
    ]);
  });

  it('the prometheus-adapter ConfigMap and Helm values carry the same rule, on ready + unacked of the requests queue', () => {
    expect(context.adapterValuesRules).toEqual(context.adapterRules);
    const rule = context.adapterRules.find((r) => r.name.as === 'sibyl_queue_depth')!;
    expect(rule.metricsQuery).toMatch(/rabbitmq_queue_messages_ready\{<<\.LabelMatchers>>\}/);
    expect(rule.metricsQuery).toMatch(/rabbitmq_queue_messages_unacked\{<<\.LabelMatchers>>\}/);
    expect(rule.resources?.overrides?.namespace?.resource).toBe('namespace');
    const monitor = rendered
      .get('overlays/prod')!
      .find((r) => r.kind === 'ServiceMonitor' && r.metadata.name === 'rabbitmq')!;
    expect((monitor.spec as { endpoints: Array<{ path: string }> }).endpoints[0].path).toBe(
      '/metrics/per-object',
    );
  });
});
