import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOY_ROOT } from '../manifests/deploy-paths';
import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { ofKind, sibylContainers } from './pod-templates';

/** Secrets of the datastores' administrators: used by setup only, never given to a Sibyl app. */
export const ADMIN_SECRETS: ReadonlySet<string> = new Set([
  'rabbitmq-default-user',
  'mongodb-admin',
]);

/** The RabbitMQ user Secret each app must use. */
const RABBITMQ_SECRET = {
  gateway: 'sibyl-rabbitmq-gateway',
  predictor: 'sibyl-rabbitmq-predictor',
};

/** Paths the public gateway Ingress may route. */
export const PUBLIC_GATEWAY_PATHS: ReadonlySet<string> = new Set(['/v1', '/docs']);

/** Marker every committed password, key and secret value carries. */
export const PLACEHOLDER_PREFIX = 'CHANGE_ME-local-dev';

/** A RabbitMQ permission triple (configure, write, read regexes). */
export interface RabbitPermissions {
  configure: string;
  write: string;
  read: string;
}

/** The permission file of an app in components/rabbitmq-users. */
export function readRabbitPermissions(app: 'gateway' | 'predictor'): RabbitPermissions {
  const file = join(DEPLOY_ROOT, 'k8s/components/rabbitmq-users', `${app}-permissions.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as RabbitPermissions;
}

interface IngressPath {
  path?: string;
  backend?: { service?: { name?: string } };
}
interface IngressSpec {
  tls?: Array<{ hosts?: string[]; secretName?: string }>;
  rules?: Array<{ host?: string; http?: { paths?: IngressPath[] } }>;
}

/**
 * Security invariants: Sibyl apps never receive an administrator's credentials and each app uses its
 * own RabbitMQ user; every Ingress serves TLS for all its hosts, and the gateway is routed only on
 * /v1 and /docs (never /metrics); every PodMonitor endpoint authenticates with a bearer key Secret;
 * committed password/key/secret values are marked local-development placeholders.
 */
export function securityViolations(resources: K8sResource[]): string[] {
  const violations: string[] = [];
  for (const { container, app, where } of sibylContainers(resources)) {
    for (const variable of container.env ?? []) {
      const secret = variable.valueFrom?.secretKeyRef?.name;
      if (secret && ADMIN_SECRETS.has(secret))
        violations.push(`${where}: ${variable.name} comes from the administrator Secret ${secret}`);
      if (/^RABBITMQ_(USERNAME|PASSWORD)$/.test(variable.name) && app !== 'dashboard') {
        if (secret !== RABBITMQ_SECRET[app])
          violations.push(`${where}: ${variable.name} must come from ${RABBITMQ_SECRET[app]}`);
      }
    }
  }
  for (const ingress of ofKind(resources, 'Ingress')) {
    const spec = ingress.spec as IngressSpec;
    const tlsHosts = new Set(
      (spec.tls ?? []).flatMap((t) => (t.secretName ? (t.hosts ?? []) : [])),
    );
    for (const rule of spec.rules ?? []) {
      if (!rule.host || !tlsHosts.has(rule.host))
        violations.push(`${resourceId(ingress)}: host ${rule.host ?? '*'} is not served with TLS`);
      for (const path of rule.http?.paths ?? []) {
        if (path.backend?.service?.name === 'gateway' && !PUBLIC_GATEWAY_PATHS.has(path.path ?? ''))
          violations.push(
            `${resourceId(ingress)}: routes ${path.path} of the gateway (only /v1, /docs)`,
          );
      }
    }
  }
  const secrets = new Map(ofKind(resources, 'Secret').map((s) => [s.metadata.name, s]));
  for (const monitor of ofKind(resources, 'PodMonitor')) {
    const endpoints = (
      monitor.spec as {
        podMetricsEndpoints?: Array<{
          authorization?: { type?: string; credentials?: { name: string; key: string } };
        }>;
      }
    ).podMetricsEndpoints;
    for (const endpoint of endpoints ?? []) {
      const credentials = endpoint.authorization?.credentials;
      const secret = credentials && secrets.get(credentials.name);
      const data = { ...(secret?.data as object), ...(secret?.stringData as object) };
      if (endpoint.authorization?.type !== 'Bearer' || !credentials || !(credentials.key in data))
        violations.push(
          `${resourceId(monitor)}: an endpoint scrapes without a bearer key from an existing Secret`,
        );
    }
  }
  for (const secret of secrets.values()) {
    const data = secret.data as Record<string, string> | undefined;
    for (const [key, encoded] of Object.entries(data ?? {})) {
      if (!/password|secret|key/i.test(key)) continue;
      const value = Buffer.from(encoded, 'base64').toString('utf8');
      if (!value.startsWith(PLACEHOLDER_PREFIX))
        violations.push(
          `${resourceId(secret)}: ${key} is committed without the ${PLACEHOLDER_PREFIX} marker`,
        );
    }
  }
  return violations;
}
