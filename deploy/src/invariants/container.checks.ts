import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { allContainers, podTemplates, sibylApp } from './pod-templates';

/** True for `name:tag` (tag not latest) or `name@sha256:...`. */
export function isPinnedImage(image: string | undefined): boolean {
  if (!image) return false;
  if (/@sha256:[a-f0-9]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  return !!tag && tag !== 'latest';
}

/**
 * Container invariants for every pod template: images pinned (no `latest`, no missing tag), CPU and
 * memory requests and a memory limit, and the security context the restricted Pod Security Standard
 * demands — non-root (runAsNonRoot, no uid 0), no privilege escalation, not privileged, all
 * capabilities dropped, RuntimeDefault seccomp — plus a read-only root filesystem. Sibyl pods also
 * must not mount a service-account token. Operator resources' images are checked too.
 */
export function containerViolations(resources: K8sResource[]): string[] {
  const violations: string[] = [];
  for (const template of podTemplates(resources)) {
    const pod = template.spec.securityContext ?? {};
    for (const container of allContainers(template.spec)) {
      const where = `${resourceId(template.owner)} container ${container.name}`;
      const security = container.securityContext ?? {};
      if (!isPinnedImage(container.image))
        violations.push(
          `${where}: image ${container.image} is not pinned (tag other than latest, or digest)`,
        );
      const requests = container.resources?.requests ?? {};
      if (requests.cpu === undefined || requests.memory === undefined)
        violations.push(`${where}: needs cpu and memory requests`);
      if (container.resources?.limits?.memory === undefined)
        violations.push(`${where}: needs a memory limit`);
      if ((security.runAsNonRoot ?? pod.runAsNonRoot) !== true)
        violations.push(`${where}: runAsNonRoot is not true`);
      if ((security.runAsUser ?? pod.runAsUser) === 0) violations.push(`${where}: runs as uid 0`);
      if (security.allowPrivilegeEscalation !== false)
        violations.push(`${where}: allowPrivilegeEscalation must be false`);
      if (security.privileged === true) violations.push(`${where}: privileged`);
      if (
        !security.capabilities?.drop?.includes('ALL') ||
        (security.capabilities.add ?? []).length > 0
      ) {
        violations.push(`${where}: must drop ALL capabilities and add none`);
      }
      if ((security.seccompProfile ?? pod.seccompProfile)?.type !== 'RuntimeDefault')
        violations.push(`${where}: seccompProfile must be RuntimeDefault`);
      if (security.readOnlyRootFilesystem !== true)
        violations.push(`${where}: readOnlyRootFilesystem must be true`);
    }
    if (
      template.spec.containers.some((c) => sibylApp(c)) &&
      template.spec.automountServiceAccountToken !== false
    ) {
      violations.push(
        `${resourceId(template.owner)}: Sibyl pods must not mount a service-account token`,
      );
    }
  }
  for (const resource of resources.filter((r) => r.kind === 'RabbitmqCluster')) {
    const image = (resource.spec as { image?: string }).image;
    if (!isPinnedImage(image))
      violations.push(`${resourceId(resource)}: spec.image ${image} is not pinned`);
  }
  for (const resource of resources.filter((r) => r.kind === 'MongoDBCommunity')) {
    const version = (resource.spec as { version?: string }).version ?? '';
    if (!/^\d+\.\d+\.\d+$/.test(version))
      violations.push(`${resourceId(resource)}: spec.version ${version} must be an exact x.y.z`);
  }
  return violations;
}
