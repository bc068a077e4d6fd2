import { K8sResource, resourceId } from '../manifests/k8s-resource';

/** The container fields the invariants read. */
export interface Container {
  name: string;
  image?: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: KeyRef; configMapKeyRef?: KeyRef };
  }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  resources?: {
    requests?: Record<string, string | number>;
    limits?: Record<string, string | number>;
  };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: SecurityContext;
}

export interface KeyRef {
  name: string;
  key: string;
}

export interface Probe {
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
}

export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  privileged?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type: string };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: SecurityContext;
  terminationGracePeriodSeconds?: number;
  automountServiceAccountToken?: boolean;
}

/** A pod template and the workload that owns it. */
export interface PodTemplate {
  owner: K8sResource;
  namespace?: string;
  labels: Record<string, string>;
  spec: PodSpec;
}

/** Workload kinds whose `spec.template` is a pod template. */
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** A workload's `spec.template`. */
interface TemplateSpec {
  metadata?: { labels?: Record<string, string> };
  spec: PodSpec;
}

/**
 * Pod templates of every workload among the resources: `spec.template`, and for a CronJob
 * `spec.jobTemplate.spec.template` (owned by the CronJob).
 */
export function podTemplates(resources: K8sResource[]): PodTemplate[] {
  return resources
    .filter((r) => WORKLOAD_KINDS.has(r.kind) || r.kind === 'CronJob')
    .map((owner) => {
      const template =
        owner.kind === 'CronJob'
          ? (owner.spec as { jobTemplate: { spec: { template: TemplateSpec } } }).jobTemplate.spec
              .template
          : (owner.spec as { template: TemplateSpec }).template;
      return {
        owner,
        namespace: owner.metadata.namespace,
        labels: template.metadata?.labels ?? {},
        spec: template.spec,
      };
    });
}

/** Containers and init containers of a pod spec. */
export function allContainers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...spec.containers];
}

/** The Sibyl app a container runs (from its image name), if any. */
export function sibylApp(container: Container): 'gateway' | 'predictor' | 'dashboard' | undefined {
  const match = /(?:^|\/)sibyl\/(gateway|predictor|dashboard)(?::|@|$)/.exec(container.image ?? '');
  return match?.[1] as 'gateway' | 'predictor' | 'dashboard' | undefined;
}

/** A container that runs a Sibyl app, with the pod template it stands in. */
export interface SibylContainer {
  template: PodTemplate;
  container: Container;
  app: 'gateway' | 'predictor' | 'dashboard';
  /** How violations name it: `<workload> container <name>`. */
  where: string;
}

/** Every container of the workloads' pod templates that runs a Sibyl app image. */
export function sibylContainers(resources: K8sResource[]): SibylContainer[] {
  return podTemplates(resources).flatMap((template) =>
    template.spec.containers.flatMap((container) => {
      const app = sibylApp(container);
      const where = `${resourceId(template.owner)} container ${container.name}`;
      return app ? [{ template, container, app, where }] : [];
    }),
  );
}

/** Resources of a kind. */
export function ofKind(resources: K8sResource[], kind: string): K8sResource[] {
  return resources.filter((r) => r.kind === kind);
}
