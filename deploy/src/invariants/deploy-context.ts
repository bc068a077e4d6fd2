import { join } from 'node:path';
import {
  APPS,
  AppFacts,
  AppName,
  declaredMetricNames,
  readAppFacts,
  servesMetrics,
} from '../app-facts/app-sources';
import { K8S_ROOT } from '../manifests/deploy-paths';
import { parseYamlDocuments, readYamlDocuments } from '../manifests/yaml-documents';

/** One prometheus-adapter external rule (the fields Sibyl uses). */
export interface ExternalRule {
  seriesQuery: string;
  resources?: { overrides?: Record<string, { resource: string }> };
  name: { matches: string; as: string };
  metricsQuery: string;
}

/** Everything outside the manifests that the invariants compare them with. */
export interface DeployContext {
  facts: Record<AppName, AppFacts>;
  metricNames: Set<string>;
  servesMetrics: (app: AppName) => boolean;
  /** External rules of deploy/k8s/prometheus-adapter/adapter-config.yaml. */
  adapterRules: ExternalRule[];
  /** External rules of the Helm values (must equal adapterRules). */
  adapterValuesRules: ExternalRule[];
}

/** Reads the apps' sources and the prometheus-adapter configuration. */
export function loadDeployContext(): DeployContext {
  const facts = Object.fromEntries(APPS.map((app) => [app, readAppFacts(app)])) as Record<
    AppName,
    AppFacts
  >;
  const configMap = readYamlDocuments(join(K8S_ROOT, 'prometheus-adapter/adapter-config.yaml'))[0]
    .value as { data: Record<string, string> };
  const adapterConfig = parseYamlDocuments(
    configMap.data['config.yaml'],
    'adapter-config.yaml config.yaml',
  )[0].value as {
    externalRules?: ExternalRule[];
  };
  const values = readYamlDocuments(join(K8S_ROOT, 'prometheus-adapter/values.yaml'))[0].value as {
    rules: { external?: ExternalRule[] };
  };
  return {
    facts,
    metricNames: declaredMetricNames(),
    servesMetrics,
    adapterRules: adapterConfig.externalRules ?? [],
    adapterValuesRules: values.rules.external ?? [],
  };
}
