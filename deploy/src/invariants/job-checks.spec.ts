import { join } from 'node:path';
import { K8S_ROOT, OVERLAYS } from '../manifests/deploy-paths';
import type { K8sResource } from '../manifests/k8s-resource';
import { requireKustomize, renderKustomization } from '../manifests/kustomize';
import { containerViolations } from './container.checks';
import { jobViolations } from './job.checks';
import type { Container, PodSpec } from './pod-templates';

/**
 * The model re-verification CronJob (base/model-verification) in every overlay, and the scheduled
 * work invariants catching each mistake they exist for on a mutated copy of the prod overlay.
 */
const kustomize = requireKustomize();
const rendered = new Map(
  OVERLAYS.map((o) => [o, renderKustomization(kustomize, join(K8S_ROOT, o))]),
);
const prod = rendered.get('overlays/prod')!;

interface CronJob {
  schedule: string;
  concurrencyPolicy?: string;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  startingDeadlineSeconds?: number;
  jobTemplate: {
    spec: { backoffLimit?: number; activeDeadlineSeconds?: number; template: { spec: PodSpec } };
  };
}

const cronJob = (resources: K8sResource[]) =>
  resources.find((r) => r.kind === 'CronJob' && r.metadata.name === 'model-verification')?.spec as
    CronJob | undefined;
const verifyContainer = (spec: CronJob): Container & { args?: string[] } =>
  spec.jobTemplate.spec.template.spec.containers[0];

function mutated(mutate: (spec: CronJob) => void): K8sResource[] {
  const copy = structuredClone(prod);
  mutate(cronJob(copy)!);
  return copy;
}

describe('model re-verification CronJob', () => {
  it.each(OVERLAYS)('%s runs `models verify` from the models image on a schedule', (overlay) => {
    const spec = cronJob(rendered.get(overlay)!);
    expect(spec).toBeDefined();
    expect(spec!.schedule.split(' ')).toHaveLength(5);
    const container = verifyContainer(spec!);
    expect(container.image).toMatch(/(^|\/)sibyl\/models:/);
    expect(container.args?.[0]).toBe('verify');
    const mongo = container.env?.find((e) => e.name === 'MONGODB_URI');
    expect(mongo?.value).toMatch(/\$\(MONGODB_USERNAME\):\$\(MONGODB_PASSWORD\)@/);
    expect(
      container.env?.find((e) => e.name === 'MONGODB_PASSWORD')?.valueFrom?.secretKeyRef,
    ).toEqual({ name: 'sibyl-mongodb-user', key: 'password' });
  });

  it('may reach the database: its NetworkPolicy and the datastore policy agree', () => {
    const policies = prod.filter((r) => r.kind === 'NetworkPolicy');
    const own = policies.find((p) => p.metadata.name === 'model-verification');
    expect(JSON.stringify(own?.spec)).toContain('"app.kubernetes.io/name":"mongodb"');
    const mongodb = policies.find((p) => p.metadata.name === 'mongodb');
    expect(JSON.stringify(mongodb?.spec)).toContain('model-verification');
  });
});

describe('scheduled job checks', () => {
  it('accept the overlays', () => {
    for (const resources of rendered.values()) expect(jobViolations(resources)).toEqual([]);
  });

  it('catch overlapping runs, no deadlines, unbounded retries and history, endless restarts', () => {
    const bad = mutated((spec) => {
      spec.concurrencyPolicy = 'Allow';
      delete spec.startingDeadlineSeconds;
      spec.successfulJobsHistoryLimit = 50;
      delete spec.failedJobsHistoryLimit;
      delete spec.jobTemplate.spec.backoffLimit;
      delete spec.jobTemplate.spec.activeDeadlineSeconds;
      (spec.jobTemplate.spec.template.spec as PodSpec & { restartPolicy: string }).restartPolicy =
        'Always';
    });
    const where = 'CronJob/sibyl/model-verification';
    expect(jobViolations(bad)).toEqual([
      `${where}: concurrencyPolicy must be Forbid (Allow)`,
      `${where}: needs a startingDeadlineSeconds`,
      `${where}: successfulJobsHistoryLimit must be set and at most 5 (50)`,
      `${where}: failedJobsHistoryLimit must be set and at most 5 (undefined)`,
      `${where}: backoffLimit must be set and at most 5 (undefined)`,
      `${where}: needs an activeDeadlineSeconds`,
      `${where}: restartPolicy must be Never or OnFailure (Always)`,
    ]);
  });

  it('catch credentials written as literals instead of coming from the Secret', () => {
    const bad = mutated((spec) => {
      const env = verifyContainer(spec).env!;
      env.find((e) => e.name === 'MONGODB_PASSWORD')!.valueFrom = undefined;
      env.find((e) => e.name === 'MONGODB_PASSWORD')!.value = 'hunter2';
      env.find((e) => e.name === 'MONGODB_URI')!.value =
        'mongodb://sibyl:hunter2@mongodb:27017/sibyl';
    });
    const where = 'CronJob/sibyl/model-verification container verify';
    expect(jobViolations(bad)).toEqual([
      `${where}: MONGODB_PASSWORD is a literal, not from a Secret`,
      `${where}: MONGODB_URI holds literal credentials`,
    ]);
  });

  it('leave CronJob pods to the container checks: resources and security context', () => {
    const bad = mutated((spec) => {
      const container = verifyContainer(spec);
      delete container.resources;
      container.securityContext!.readOnlyRootFilesystem = false;
      container.securityContext!.allowPrivilegeEscalation = true;
    });
    const where = 'CronJob/sibyl/model-verification container verify';
    expect(containerViolations(bad)).toEqual([
      `${where}: needs cpu and memory requests`,
      `${where}: needs a memory limit`,
      `${where}: allowPrivilegeEscalation must be false`,
      `${where}: readOnlyRootFilesystem must be true`,
    ]);
  });
});
