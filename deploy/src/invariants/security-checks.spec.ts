import { messagingNames } from '@sibyl/contracts';
import { join } from 'node:path';
import { K8S_ROOT } from '../manifests/deploy-paths';
import { renderKustomization, requireKustomize } from '../manifests/kustomize';
import { readRabbitPermissions, securityViolations } from './security.checks';

/** A deep copy of `resources` with `change` applied to it. */
function mutated<T>(resources: T, change: (copy: T) => void): T {
  const copy = structuredClone(resources);
  change(copy);
  return copy;
}

describe('RabbitMQ permissions of the apps (components/rabbitmq-users)', () => {
  const names = messagingNames();
  const all = [
    names.requestsExchange,
    names.requestsQueue,
    names.deadLetterExchange,
    names.deadLetterQueue,
  ];
  const foreign = [
    'amq.direct',
    'amq.gen-abc',
    'other.queue',
    `x.${names.requestsQueue}`,
    `${names.requestsQueue}.x`,
    'sibyl.v2.predictions',
    '',
  ];

  // Both apps declare the whole topology at connect (assertPredictionTopology): configure on the
  // four names; write on both queues (bind) and exchanges (publish, the DLX check of the queue
  // declaration); read on both exchanges (bind) and the requests queue (consume, and RabbitMQ's
  // DLX check at declaration). Nobody reads the dead-letter queue. Verified on a real broker.
  it.each(['gateway', 'predictor'] as const)('%s: exactly the names it needs', (app) => {
    const permissions = readRabbitPermissions(app);
    const matches = (regex: string) => (name: string) => new RegExp(regex).test(name);
    expect(all.filter(matches(permissions.configure))).toEqual(all);
    expect(all.filter(matches(permissions.write))).toEqual(all);
    expect(all.filter(matches(permissions.read))).toEqual([
      names.requestsExchange,
      names.requestsQueue,
      names.deadLetterExchange,
    ]);
    for (const regex of Object.values(permissions))
      expect(foreign.filter(matches(regex))).toEqual([]);
  });
});

describe('security checks', () => {
  const prod = renderKustomization(requireKustomize(), join(K8S_ROOT, 'overlays/prod'));

  it('accept the prod overlay', () => expect(securityViolations(prod)).toEqual([]));

  it('catch admin credentials, a public /metrics, plain HTTP, an anonymous scrape and a real-looking secret', () => {
    const bad = mutated(prod, (resources) => {
      for (const r of resources) {
        const spec = r.spec as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        if (r.kind === 'Deployment' && r.metadata.name === 'predictor') {
          const env = spec.template.spec.containers[0].env;
          env.find(
            (e: { name: string }) => e.name === 'RABBITMQ_PASSWORD',
          ).valueFrom.secretKeyRef.name = 'rabbitmq-default-user';
        }
        if (r.kind === 'Ingress' && r.metadata.name === 'gateway') {
          spec.rules[0].http.paths[0].path = '/';
          delete spec.tls;
        }
        if (r.kind === 'PodMonitor') delete spec.podMetricsEndpoints[0].authorization;
        if (r.kind === 'Secret' && r.metadata.name === 'sibyl-dashboard')
          (r.data as Record<string, string>)['api-key'] = Buffer.from('sk_real').toString('base64');
      }
    });
    expect(securityViolations(bad)).toEqual(
      expect.arrayContaining([
        'Deployment/sibyl/predictor container predictor: RABBITMQ_PASSWORD comes from the administrator Secret rabbitmq-default-user',
        'Deployment/sibyl/predictor container predictor: RABBITMQ_PASSWORD must come from sibyl-rabbitmq-predictor',
        'Ingress/sibyl/gateway: host api.sibyl.example.com is not served with TLS',
        'Ingress/sibyl/gateway: routes / of the gateway (only /v1, /docs)',
        'PodMonitor/sibyl/sibyl-apps: an endpoint scrapes without a bearer key from an existing Secret',
        'Secret/sibyl/sibyl-dashboard: api-key is committed without the CHANGE_ME-local-dev marker',
      ]),
    );
  });
});
