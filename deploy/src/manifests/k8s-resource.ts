/** The fields of a Kubernetes object the deploy checks read; everything else stays `unknown`. */
export interface K8sResource {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** Where a resource came from, for error messages: `deploy/k8s/base/gateway/deployment.yaml#0`. */
export interface LocatedResource {
  source: string;
  resource: K8sResource;
}

/** `Kind/name` (plus namespace when set), the way kubectl names an object. */
export function resourceId(resource: K8sResource): string {
  const ns = resource.metadata?.namespace ? `${resource.metadata.namespace}/` : '';
  return `${resource.kind}/${ns}${resource.metadata?.name}`;
}

/** True when the value looks like a Kubernetes object (has apiVersion, kind and metadata.name). */
export function isK8sResource(value: unknown): value is K8sResource {
  const candidate = value as Partial<K8sResource> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.apiVersion === 'string' &&
    typeof candidate.kind === 'string' &&
    typeof candidate.metadata?.name === 'string'
  );
}
