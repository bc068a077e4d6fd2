import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { allContainers, ofKind, podTemplates } from './pod-templates';

/** Most finished Jobs a CronJob may keep (each keeps its pod and logs). */
export const MAX_JOB_HISTORY = 5;
/** Most retries of a scheduled Job's pod (a crash loop must end, not run until the next run). */
export const MAX_SCHEDULED_BACKOFF = 5;

/** The CronJob fields the invariants read. */
interface CronJobSpec {
  schedule?: string;
  concurrencyPolicy?: string;
  startingDeadlineSeconds?: number;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate: {
    spec: {
      backoffLimit?: number;
      activeDeadlineSeconds?: number;
      template: { spec: { restartPolicy?: string } };
    };
  };
}

/** Env names that carry a credential: their value must come from a Secret. */
const CREDENTIAL_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY)$/;
/** `$(VAR)` expansions (from a Secret or a ConfigMap, checked by the config checks). */
const EXPANSION = /\$\([A-Z0-9_]+\)/g;
/** The user info of a URI: `scheme://<user info>@host`. */
const USERINFO = /:\/\/([^/@]*)@/;

/** True when a value holds a URI whose user info is (partly) literal rather than `$(VAR)` expansions. */
function hasLiteralUserInfo(value: string): boolean {
  const userInfo = USERINFO.exec(value.replace(EXPANSION, ''))?.[1];
  return userInfo !== undefined && userInfo !== '' && userInfo !== ':';
}

/**
 * Invariants of scheduled work (CronJobs, e.g. the model re-verification): never two runs at once
 * (`concurrencyPolicy: Forbid`), a starting deadline (no burst of missed runs), bounded Job history,
 * a bounded `backoffLimit` and an `activeDeadlineSeconds` (a stuck run ends), a pod that is not
 * restarted forever (`restartPolicy` Never or OnFailure), and credentials only from Secrets: no
 * literal password/secret/token/key value and no URI with literal user info. Resources, security
 * context and pinned images are checked for every pod template by the container checks.
 */
export function jobViolations(resources: K8sResource[]): string[] {
  const violations: string[] = [];
  for (const cronJob of ofKind(resources, 'CronJob')) {
    const where = resourceId(cronJob);
    const spec = cronJob.spec as CronJobSpec;
    const job = spec.jobTemplate.spec;
    if (spec.concurrencyPolicy !== 'Forbid')
      violations.push(`${where}: concurrencyPolicy must be Forbid (${spec.concurrencyPolicy})`);
    if (!(Number(spec.startingDeadlineSeconds) > 0))
      violations.push(`${where}: needs a startingDeadlineSeconds`);
    for (const field of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
      const limit = spec[field];
      if (limit === undefined || limit > MAX_JOB_HISTORY)
        violations.push(`${where}: ${field} must be set and at most ${MAX_JOB_HISTORY} (${limit})`);
    }
    if (job.backoffLimit === undefined || job.backoffLimit > MAX_SCHEDULED_BACKOFF)
      violations.push(
        `${where}: backoffLimit must be set and at most ${MAX_SCHEDULED_BACKOFF} (${job.backoffLimit})`,
      );
    if (!(Number(job.activeDeadlineSeconds) > 0))
      violations.push(`${where}: needs an activeDeadlineSeconds`);
    const restart = job.template.spec.restartPolicy;
    if (restart !== 'Never' && restart !== 'OnFailure')
      violations.push(`${where}: restartPolicy must be Never or OnFailure (${restart})`);
  }
  for (const template of podTemplates(resources)) {
    if (template.owner.kind !== 'CronJob' && template.owner.kind !== 'Job') continue;
    for (const container of allContainers(template.spec)) {
      const where = `${resourceId(template.owner)} container ${container.name}`;
      for (const variable of container.env ?? []) {
        if (variable.value === undefined) continue;
        if (CREDENTIAL_NAME.test(variable.name))
          violations.push(`${where}: ${variable.name} is a literal, not from a Secret`);
        if (hasLiteralUserInfo(variable.value))
          violations.push(`${where}: ${variable.name} holds literal credentials`);
      }
    }
  }
  return violations;
}
