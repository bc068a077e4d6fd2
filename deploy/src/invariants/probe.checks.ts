import type { AppFacts, AppName } from '../app-facts/app-sources';
import { PORT_VARIABLE } from '../app-facts/app-sources';
import { K8sResource, resourceId } from '../manifests/k8s-resource';
import { Container, ofKind, podTemplates, Probe, sibylApp, sibylContainers } from './pod-templates';

/** Value of a variable in the ConfigMaps a container loads with envFrom, or its own env. */
function configuredValue(
  resources: K8sResource[],
  container: Container,
  variable: string,
): string | undefined {
  const direct = container.env?.find((e) => e.name === variable)?.value;
  if (direct !== undefined) return direct;
  for (const source of container.envFrom ?? []) {
    const map = ofKind(resources, 'ConfigMap').find(
      (c) => c.metadata.name === source.configMapRef?.name,
    );
    const value = (map?.data as Record<string, string> | undefined)?.[variable];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The container port a probe or Service targetPort refers to (by number or by name). */
export function resolvePort(container: Container, port: number | string): number | undefined {
  if (typeof port === 'number')
    return container.ports?.some((p) => p.containerPort === port) ? port : undefined;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/**
 * Probe invariants for every Sibyl container: liveness and readiness probes exist, are HTTP GETs on
 * routes the app's controllers declare, on a declared container port that equals the port the app
 * listens on (its *_PORT as configured for the container, else the app's default). Also checks
 * that each Service in front of a Sibyl app targets that same port. Returns the violations.
 */
export function probeViolations(
  resources: K8sResource[],
  facts: Record<AppName, AppFacts>,
): string[] {
  const violations: string[] = [];
  for (const { container, app, where } of sibylContainers(resources)) {
    const configured = configuredValue(resources, container, PORT_VARIABLE[app]);
    const listenPort = configured !== undefined ? Number(configured) : facts[app].defaultPort;
    const probes: Array<[string, Probe | undefined]> = [
      ['livenessProbe', container.livenessProbe],
      ['readinessProbe', container.readinessProbe],
      ['startupProbe', container.startupProbe],
    ];
    for (const [kind, probe] of probes) {
      if (!probe) {
        if (kind !== 'startupProbe') violations.push(`${where}: no ${kind}`);
        continue;
      }
      if (!probe.httpGet) {
        violations.push(`${where}: ${kind} is not an HTTP GET on a health endpoint`);
        continue;
      }
      if (!facts[app].getRoutes.has(probe.httpGet.path ?? '/')) {
        violations.push(
          `${where}: ${kind} path ${probe.httpGet.path} is not a GET route of apps/${app} (${[...facts[app].getRoutes].join(', ')})`,
        );
      }
      const port = resolvePort(container, probe.httpGet.port);
      if (port !== listenPort) {
        violations.push(
          `${where}: ${kind} port ${probe.httpGet.port} -> ${port}, but the app listens on ${listenPort}`,
        );
      }
    }
  }
  for (const service of ofKind(resources, 'Service')) {
    const spec = service.spec as {
      selector?: Record<string, string>;
      ports: Array<{ targetPort?: number | string; port: number }>;
    };
    const backends = podTemplates(resources).filter(
      (t) =>
        t.namespace === service.metadata.namespace &&
        spec.selector &&
        Object.entries(spec.selector).every(([k, v]) => t.labels[k] === v),
    );
    for (const container of backends.flatMap((t) => t.spec.containers).filter((c) => sibylApp(c))) {
      for (const port of spec.ports) {
        if (resolvePort(container, port.targetPort ?? port.port) === undefined) {
          violations.push(
            `${resourceId(service)}: targetPort ${port.targetPort ?? port.port} is not a port of container ${container.name}`,
          );
        }
      }
    }
  }
  return violations;
}
