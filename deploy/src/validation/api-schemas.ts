import type { K8sResource } from '../manifests/k8s-resource';
import { MONGODB_COMMUNITY_SCHEMA, RABBITMQ_CLUSTER_SCHEMA } from './operator-crd-schemas';
import { StructuralSchema, validateStructural } from './structural-schema';

/** A kubernetes-models class: constructed from a plain object, `validate()` throws on schema errors. */
type ModelClass = new (data: unknown) => { validate(): void };

/** npm packages holding the models of an API group (kubernetes-models itself for the built-in ones). */
const MODEL_PACKAGES: Record<string, string> = {
  'keda.sh': '@kubernetes-models/keda',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

/** Custom resources validated with the hand-written schemas of operator-crd-schemas.ts. */
const HAND_WRITTEN: Record<string, StructuralSchema> = {
  'rabbitmq.com/v1beta1/RabbitmqCluster': RABBITMQ_CLUSTER_SCHEMA,
  'mongodbcommunity.mongodb.com/v1/MongoDBCommunity': MONGODB_COMMUNITY_SCHEMA,
};

/** Built-in API groups: no dot in the group, or a *.k8s.io group. */
function isBuiltInGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * The module path of the kubernetes-models class for an apiVersion/kind, e.g. `apps/v1` +
 * `Deployment` -> `kubernetes-models/apps/v1/Deployment`, `v1` + `Service` -> `kubernetes-models/v1/Service`.
 */
export function modelModulePath(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = isBuiltInGroup(group) ? 'kubernetes-models' : MODEL_PACKAGES[group];
  if (!pkg) return undefined;
  return [pkg, group, version, kind].filter(Boolean).join('/');
}

/** Loads the model class, or undefined when the package has none for this apiVersion/kind. */
function loadModel(modulePath: string, kind: string): ModelClass | undefined {
  try {
    return (require(modulePath) as Record<string, ModelClass>)[kind];
  } catch {
    return undefined;
  }
}

/**
 * Validates one object against its API schema: the Kubernetes OpenAPI schemas compiled into
 * kubernetes-models for built-in kinds, the CRD-generated models of @kubernetes-models/keda and
 * @kubernetes-models/prometheus-operator, or the hand-written operator schemas. Returns the problems
 * (empty = valid); an apiVersion/kind with no known schema is itself a problem.
 */
export function validateAgainstApiSchema(resource: K8sResource): string[] {
  const handWritten = HAND_WRITTEN[`${resource.apiVersion}/${resource.kind}`];
  if (handWritten) return validateStructural(resource, handWritten);
  const modulePath = modelModulePath(resource.apiVersion, resource.kind);
  const Model = modulePath ? loadModel(modulePath, resource.kind) : undefined;
  if (!Model) return [`no schema known for ${resource.apiVersion} ${resource.kind}`];
  try {
    new Model(resource).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}
