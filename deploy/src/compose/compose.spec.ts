import { join } from 'node:path';
import { APPS, AppFacts, AppName, readAppFacts } from '../app-facts/app-sources';
import { DEPLOY_ROOT } from '../manifests/deploy-paths';
import { readYamlDocuments } from '../manifests/yaml-documents';
import { ComposeFile, composeViolations } from './compose-checks';

/**
 * deploy/compose/compose.yaml is checked structurally (no Docker engine here): resolved with its
 * `${VAR:-default}` defaults, as `docker compose config` would with an empty environment.
 */
function loadCompose(): ComposeFile {
  const raw = readYamlDocuments(join(DEPLOY_ROOT, 'compose/compose.yaml'))[0].value;
  const resolved = JSON.stringify(raw).replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
  return JSON.parse(resolved) as ComposeFile;
}

describe('compose.yaml', () => {
  const facts = Object.fromEntries(APPS.map((app) => [app, readAppFacts(app)])) as Record<
    AppName,
    AppFacts
  >;
  const compose = loadCompose();

  it('matches the apps (services, ports, health checks, environment names, credentials)', () => {
    expect(composeViolations(compose, facts)).toEqual([]);
  });

  it('runs the gateway, two predictors, the dashboard, MongoDB, RabbitMQ and its users setup', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'dashboard',
      'gateway',
      'mongodb',
      'predictor-1',
      'predictor-2',
      'rabbitmq',
      'rabbitmq-users',
    ]);
  });

  it('refuses administrator credentials and shared users', () => {
    const bad = structuredClone(compose);
    bad.services.gateway.environment!.RABBITMQ_URL =
      'amqp://admin:local-dev-rabbitmq-admin@rabbitmq:5672';
    bad.services['predictor-1'].environment!.RABBITMQ_URL =
      bad.services.gateway.environment!.RABBITMQ_URL.replace(
        'admin:local-dev-rabbitmq-admin',
        'sibyl-gateway:local-dev-gateway',
      );
    bad.services.gateway.environment!.RABBITMQ_MANAGEMENT_URL =
      'http://admin:local-dev-rabbitmq-admin@rabbitmq:15672';
    bad.services['predictor-2'].environment!.MONGODB_URI =
      'mongodb://admin:local-dev-mongodb-admin@mongodb:27017/sibyl?authSource=admin';
    delete bad.services.gateway.depends_on!['rabbitmq-users'];
    expect(composeViolations(bad, facts)).toEqual(
      expect.arrayContaining([
        "gateway: RABBITMQ_URL must reach rabbitmq with the gateway's own user",
        "gateway: RABBITMQ_URL uses the broker's administrator",
        "predictor-1: RABBITMQ_URL must reach rabbitmq with the predictor's own user",
        'gateway: RABBITMQ_MANAGEMENT_URL must use the monitoring user',
        'predictor-2: MONGODB_URI must reach mongodb with the application user (not root) and its database',
        'gateway: must wait for rabbitmq-users to complete',
      ]),
    );
  });

  it('catches a misspelt setting, a wrong health path and a predictor missing from the dashboard', () => {
    const bad = structuredClone(compose);
    bad.services['predictor-2'].environment!.PREFECTH = '64';
    bad.services.gateway.healthcheck!.test = [
      'CMD',
      'node',
      '-e',
      "fetch('http://127.0.0.1:3000/healthz')",
    ];
    bad.services.dashboard.environment!.PREDICTOR_METRICS_URLS = 'http://predictor-1:3002/metrics';
    bad.services.gateway.environment!.RABBITMQ_URL = 'amqp://guest:guest@rabbitmq:5672';
    const violations = composeViolations(bad, facts);
    expect(violations).toEqual(
      expect.arrayContaining([
        'predictor-2: PREFECTH is not a setting of apps/predictor',
        'gateway: healthcheck http://127.0.0.1:3000/healthz is not a GET route of apps/gateway on its port 3000',
        'dashboard: PREDICTOR_METRICS_URLS must list http://predictor-1:3002/metrics,http://predictor-2:3002/metrics',
        "gateway: RABBITMQ_URL must reach rabbitmq with the gateway's own user",
      ]),
    );
  });
});
