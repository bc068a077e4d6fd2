import { coreTypeCheck } from './core-type-check';
import type { StructuralSchema } from './structural-schema';

/*
 * Hand-written schemas for the two operator resources that have no kubernetes-models package
 * (`npm view @kubernetes-models/rabbitmq-cluster-operator` and `.../mongodb-community-operator`
 * answer 404). They transcribe, from the operators' published CRDs, the fields of `spec` a Sibyl
 * deployment may set: names, types, enums, patterns and required fields as the CRDs declare them,
 * core Kubernetes sub-objects (resources, affinity, tolerations) checked with kubernetes-models'
 * compiled core schemas, and the CRDs' x-kubernetes-preserve-unknown-fields nodes left open.
 * A field outside this list fails validation, so a typo cannot be silently pruned by the API server.
 *   RabbitmqCluster:  rabbitmq/cluster-operator config/crd/bases/rabbitmq.com_rabbitmqclusters.yaml (v1beta1)
 *   MongoDBCommunity: mongodb/mongodb-kubernetes-operator config/crd/bases/mongodbcommunity.mongodb.com_mongodbcommunity.yaml (v1)
 */

const str: StructuralSchema = { type: 'string' };
const open: StructuralSchema = { type: 'preserve-unknown' };
const nonNegative: StructuralSchema = { type: 'integer', minimum: 0 };
const stringMap: StructuralSchema = { type: 'object', values: str };
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Wraps a spec schema into the object schema (apiVersion, kind, metadata, spec). */
function resourceSchema(spec: StructuralSchema, requiredInSpec: boolean): StructuralSchema {
  return {
    type: 'object',
    required: requiredInSpec ? ['spec'] : [],
    properties: { apiVersion: str, kind: str, metadata: open, spec },
  };
}

/** rabbitmq.com/v1beta1 RabbitmqCluster. */
export const RABBITMQ_CLUSTER_SCHEMA = resourceSchema(
  {
    type: 'object',
    properties: {
      replicas: nonNegative,
      image: str,
      imagePullSecrets: {
        type: 'array',
        items: {
          type: 'preserve-unknown',
          check: coreTypeCheck('IoK8sApiCoreV1LocalObjectReference'),
        },
      },
      service: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['ClusterIP', 'LoadBalancer', 'NodePort'] },
          annotations: stringMap,
          ipFamilyPolicy: {
            type: 'string',
            enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
          },
        },
      },
      persistence: {
        type: 'object',
        properties: { storageClassName: str, storage: { type: 'int-or-string' } },
      },
      resources: {
        type: 'preserve-unknown',
        check: coreTypeCheck('IoK8sApiCoreV1ResourceRequirements'),
      },
      affinity: { type: 'preserve-unknown', check: coreTypeCheck('IoK8sApiCoreV1Affinity') },
      tolerations: {
        type: 'array',
        items: { type: 'preserve-unknown', check: coreTypeCheck('IoK8sApiCoreV1Toleration') },
      },
      rabbitmq: {
        type: 'object',
        properties: {
          additionalPlugins: {
            type: 'array',
            maxItems: 100,
            items: { type: 'string', pattern: /^\w+$/ },
          },
          additionalConfig: { type: 'string', maxLength: 100000 },
          advancedConfig: { type: 'string', maxLength: 100000 },
          envConfig: { type: 'string', maxLength: 100000 },
          erlangInetConfig: { type: 'string', maxLength: 2000 },
        },
      },
      tls: {
        type: 'object',
        properties: {
          secretName: str,
          caSecretName: str,
          disableNonTLSListeners: { type: 'boolean' },
        },
      },
      override: { type: 'object', properties: { statefulSet: open, service: open } },
      terminationGracePeriodSeconds: nonNegative,
      delayStartSeconds: nonNegative,
      skipPostDeploySteps: { type: 'boolean' },
      secretBackend: open,
    },
  },
  false,
);

const role: StructuralSchema = {
  type: 'object',
  required: ['db', 'name'],
  properties: { db: str, name: str },
};

/** mongodbcommunity.mongodb.com/v1 MongoDBCommunity. */
export const MONGODB_COMMUNITY_SCHEMA = resourceSchema(
  {
    type: 'object',
    required: ['security', 'type', 'users', 'version'],
    properties: {
      members: { type: 'integer', minimum: 1 },
      type: { type: 'string', enum: ['ReplicaSet'] },
      version: { type: 'string', pattern: /^\d+\.\d+\.\d+$/ },
      arbiters: nonNegative,
      featureCompatibilityVersion: str,
      replicaSetHorizons: { type: 'array', items: stringMap },
      additionalMongodConfig: open,
      security: {
        type: 'object',
        properties: {
          authentication: {
            type: 'object',
            required: ['modes'],
            properties: {
              modes: {
                type: 'array',
                items: { type: 'string', enum: ['SCRAM', 'SCRAM-SHA-256', 'SCRAM-SHA-1', 'X509'] },
              },
              ignoreUnknownUsers: { type: 'boolean' },
            },
          },
          tls: open,
          roles: open,
        },
      },
      users: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'passwordSecretRef', 'roles', 'scramCredentialsSecretName'],
          properties: {
            name: str,
            db: str,
            passwordSecretRef: {
              type: 'object',
              required: ['name'],
              properties: { name: str, key: str },
            },
            roles: { type: 'array', items: role },
            scramCredentialsSecretName: { type: 'string', pattern: dnsSubdomain },
            connectionStringSecretName: str,
            additionalConnectionStringConfig: open,
          },
        },
      },
      statefulSet: {
        type: 'object',
        required: ['spec'],
        properties: { spec: open, metadata: open },
      },
      agent: open,
      prometheus: open,
      automationConfig: open,
      additionalConnectionStringConfig: open,
    },
  },
  true,
);
