import type { K8sResource } from '../manifests/k8s-resource';
import { validateAgainstApiSchema } from './api-schemas';
import { MONGODB_COMMUNITY_SCHEMA, RABBITMQ_CLUSTER_SCHEMA } from './operator-crd-schemas';
import { strictFieldProblems } from './strict-fields';
import { validateStructural } from './structural-schema';

const deployment = (): K8sResource => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x' },
  spec: {
    selector: { matchLabels: { app: 'x' } },
    template: {
      metadata: { labels: { app: 'x' } },
      spec: { containers: [{ name: 'x', image: 'x:1' }] },
    },
  },
});

describe('validateAgainstApiSchema', () => {
  it('accepts a valid Deployment and rejects a mistyped one', () => {
    expect(validateAgainstApiSchema(deployment())).toEqual([]);
    const bad = deployment();
    (bad.spec as { replicas: unknown }).replicas = 'two';
    expect(validateAgainstApiSchema(bad).join()).toMatch(/replicas must be integer/);
  });

  it('validates KEDA and Prometheus Operator resources with their CRD models', () => {
    const scaledObject: K8sResource = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 's' },
      spec: {
        scaleTargetRef: { name: 'p' },
        triggers: [{ type: 'rabbitmq', metadata: {} }],
        minReplicaCount: 'one',
      },
    };
    expect(validateAgainstApiSchema(scaledObject).join()).toMatch(
      /minReplicaCount must be integer/,
    );
    const rule: K8sResource = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'r' },
      spec: { groups: [{ rules: [] }] },
    };
    expect(validateAgainstApiSchema(rule).join()).toMatch(
      /groups\/0 must have required property name/,
    );
  });

  it('refuses kinds it has no schema for', () => {
    expect(
      validateAgainstApiSchema({
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
      }),
    ).toEqual(['no schema known for example.com/v1 Widget']);
  });
});

describe('operator CRD schemas', () => {
  const rabbit = (spec: object) => ({
    apiVersion: 'rabbitmq.com/v1beta1',
    kind: 'RabbitmqCluster',
    metadata: { name: 'r' },
    spec,
  });

  it('reject unknown fields, wrong types and invalid core sub-objects of a RabbitmqCluster', () => {
    expect(
      validateStructural(
        rabbit({ replicas: 3, persistence: { storage: '20Gi' } }),
        RABBITMQ_CLUSTER_SCHEMA,
      ),
    ).toEqual([]);
    expect(validateStructural(rabbit({ replica: 3 }), RABBITMQ_CLUSTER_SCHEMA)).toEqual([
      '/spec/replica is not a field of this schema (the API server would drop it)',
    ]);
    expect(
      validateStructural(
        rabbit({ rabbitmq: { additionalPlugins: ['rabbitmq-shovel'] } }),
        RABBITMQ_CLUSTER_SCHEMA,
      )[0],
    ).toMatch(/must match/);
    expect(
      validateStructural(
        rabbit({ resources: { requests: { cpu: 'lots' } } }),
        RABBITMQ_CLUSTER_SCHEMA,
      ).join(),
    ).toMatch(/quantity/);
  });

  it('require the MongoDBCommunity fields the CRD requires', () => {
    const problems = validateStructural(
      {
        apiVersion: 'mongodbcommunity.mongodb.com/v1',
        kind: 'MongoDBCommunity',
        metadata: { name: 'm' },
        spec: { members: 3, type: 'Sharded', users: [{ name: 'u' }] },
      },
      MONGODB_COMMUNITY_SCHEMA,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        '/spec is missing required field security',
        '/spec is missing required field version',
        '/spec/type must be one of ReplicaSet',
        '/spec/users/0 is missing required field passwordSecretRef',
      ]),
    );
  });
});

describe('strictFieldProblems', () => {
  it('reports fields the generated interfaces do not have', () => {
    const typo = deployment();
    const spec = typo.spec as {
      template: { spec: { containers: Array<Record<string, unknown>> } };
    };
    spec.template.spec.containers[0].readinessprobe = { httpGet: { path: '/', port: 80 } };
    const problems = strictFieldProblems([deployment(), typo]);
    expect([...problems.keys()]).toEqual([1]);
    expect(problems.get(1)?.join()).toMatch(
      /'"readinessprobe"' does not exist in type 'IContainer'/,
    );
  });
});
