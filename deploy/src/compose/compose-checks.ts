import type { AppFacts, AppName } from '../app-facts/app-sources';
import { PORT_VARIABLE } from '../app-facts/app-sources';
import { isPinnedImage } from '../invariants/container.checks';

/** The parts of a compose service the checks read. */
export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** The Sibyl app a compose service runs (from its image), if any. */
export function composeApp(service: ComposeService): AppName | undefined {
  return /^sibyl\/(gateway|predictor|dashboard):/.exec(service.image ?? '')?.[1] as
    AppName | undefined;
}

/** `http://host:port/path` probed by a healthcheck command, if it is an HTTP check. */
function healthUrl(service: ComposeService): URL | undefined {
  const match = /https?:\/\/[^'"\s)]+/.exec((service.healthcheck?.test ?? []).join(' '));
  return match ? new URL(match[0]) : undefined;
}

/** Seconds of a compose duration like `30s` or `1m`. */
function seconds(duration: string | undefined): number {
  const match = /^(\d+)(s|m)$/.exec(duration ?? '10s');
  return match ? Number(match[1]) * (match[2] === 'm' ? 60 : 1) : NaN;
}

/**
 * Structural checks of deploy/compose/compose.yaml against the apps: MongoDB 7 and RabbitMQ with the
 * management plugin, at least two predictors, pinned images, a health check on every service (the
 * apps' on a route and port they serve; the one-shot users service excepted), apps starting after
 * healthy dependencies and the RabbitMQ users, environment names the apps declare, URLs pointing
 * at the compose services with each app's own least-privilege user (never the administrators),
 * and a stop grace period covering the predictor's drain.
 */
export function composeViolations(
  compose: ComposeFile,
  facts: Record<AppName, AppFacts>,
): string[] {
  const violations: string[] = [];
  const services = compose.services;
  const names = Object.keys(services);
  const byApp = (app: AppName) => names.filter((n) => composeApp(services[n]) === app);
  const mongo = names.find((n) => /^mongo:7\.\d+\.\d+$/.test(services[n].image ?? ''));
  const rabbit = names.find((n) =>
    /^rabbitmq:(3\.13|4\.\d+)(\.\d+)?-management$/.test(services[n].image ?? ''),
  );
  if (!mongo) violations.push('no MongoDB 7 service (image mongo:7.x.y)');
  if (!rabbit)
    violations.push(
      'no RabbitMQ 3.13/4.x service with the management plugin (image rabbitmq:<version>-management)',
    );
  if (byApp('gateway').length !== 1 || byApp('dashboard').length !== 1)
    violations.push('needs exactly one gateway and one dashboard');
  if (byApp('predictor').length < 2) violations.push('needs at least two predictor services');
  const rabbitEnv = rabbit ? (services[rabbit].environment ?? {}) : {};
  const mongoEnv = mongo ? (services[mongo].environment ?? {}) : {};
  // The one-shot service that creates the apps' RabbitMQ users (components/rabbitmq-users).
  const users = names.find((n) => services[n].environment?.GATEWAY_USERNAME !== undefined);
  const usersEnv = users ? (services[users].environment ?? {}) : {};
  if (!users) violations.push("no rabbitmq-users service creating the apps' RabbitMQ users");
  for (const name of names) {
    const service = services[name];
    if (!isPinnedImage(service.image))
      violations.push(`${name}: image ${service.image} is not pinned`);
    const oneShot = name === users && service.restart === 'no';
    if (!oneShot && !service.healthcheck?.test?.length) violations.push(`${name}: no healthcheck`);
    const app = composeApp(service);
    if (!app) continue;
    const env = service.environment ?? {};
    for (const key of Object.keys(env)) {
      if (!facts[app].environment.has(key))
        violations.push(`${name}: ${key} is not a setting of apps/${app}`);
    }
    const port = Number(env[PORT_VARIABLE[app]] ?? facts[app].defaultPort);
    const url = healthUrl(service);
    if (!url || !facts[app].getRoutes.has(url.pathname) || Number(url.port) !== port) {
      violations.push(
        `${name}: healthcheck ${url?.href} is not a GET route of apps/${app} on its port ${port}`,
      );
    }
    for (const published of service.ports ?? []) {
      if (Number(published.split(':').pop()) !== port)
        violations.push(`${name}: publishes ${published} but listens on ${port}`);
    }
    if (
      (service.build?.dockerfile ?? 'Dockerfile') !== 'Dockerfile' ||
      service.build?.args?.APP !== app
    )
      violations.push(`${name}: must build the repository's Dockerfile with APP=${app}`);
    const needs =
      app === 'dashboard' ? byApp('gateway') : [mongo, rabbit].filter((n): n is string => !!n);
    for (const dependency of needs) {
      if (service.depends_on?.[dependency]?.condition !== 'service_healthy')
        violations.push(`${name}: must wait for ${dependency} to be healthy`);
    }
    if (
      app !== 'dashboard' &&
      users &&
      service.depends_on?.[users]?.condition !== 'service_completed_successfully'
    )
      violations.push(`${name}: must wait for ${users} to complete`);
    // Least privilege: each app connects with its own users, never the administrators.
    const reaches = (
      value: string | undefined,
      host: string | undefined,
      user?: string,
      password?: string,
    ) => {
      const url = new URL(value ?? 'x://');
      return url.hostname === host && !!user && url.username === user && url.password === password;
    };
    if (env.RABBITMQ_URL && app !== 'dashboard') {
      const role = app === 'gateway' ? 'GATEWAY' : 'PREDICTOR';
      if (
        !reaches(
          env.RABBITMQ_URL,
          rabbit,
          usersEnv[`${role}_USERNAME`],
          usersEnv[`${role}_PASSWORD`],
        )
      )
        violations.push(
          `${name}: RABBITMQ_URL must reach ${rabbit} with the ${role.toLowerCase()}'s own user`,
        );
      if (new URL(env.RABBITMQ_URL).username === rabbitEnv.RABBITMQ_DEFAULT_USER)
        violations.push(`${name}: RABBITMQ_URL uses the broker's administrator`);
    }
    if (
      env.RABBITMQ_MANAGEMENT_URL &&
      !reaches(
        env.RABBITMQ_MANAGEMENT_URL,
        rabbit,
        usersEnv.MONITOR_USERNAME,
        usersEnv.MONITOR_PASSWORD,
      )
    )
      violations.push(`${name}: RABBITMQ_MANAGEMENT_URL must use the monitoring user`);
    if (env.MONGODB_URI) {
      const url = new URL(env.MONGODB_URI);
      if (
        !reaches(
          env.MONGODB_URI,
          mongo,
          mongoEnv.SIBYL_MONGODB_USERNAME,
          mongoEnv.SIBYL_MONGODB_PASSWORD,
        ) ||
        url.username === mongoEnv.MONGO_INITDB_ROOT_USERNAME ||
        url.pathname !== `/${mongoEnv.SIBYL_MONGODB_DATABASE}`
      ) {
        violations.push(
          `${name}: MONGODB_URI must reach ${mongo} with the application user (not root) and its database`,
        );
      }
    }
    if (app !== 'dashboard' && (!env.RABBITMQ_URL || !env.MONGODB_URI))
      violations.push(`${name}: needs RABBITMQ_URL and MONGODB_URI`);
    if (
      app === 'predictor' &&
      seconds(service.stop_grace_period) < Number(env.SHUTDOWN_TIMEOUT_MS ?? 10000) / 1000 + 5
    ) {
      violations.push(
        `${name}: stop_grace_period ${service.stop_grace_period} does not cover SHUTDOWN_TIMEOUT_MS`,
      );
    }
  }
  for (const dashboard of byApp('dashboard')) {
    const env = services[dashboard].environment ?? {};
    const expected = byApp('predictor').map(
      (p) =>
        `http://${p}:${services[p].environment?.PREDICTOR_PORT ?? facts.predictor.defaultPort}/metrics`,
    );
    if ((env.PREDICTOR_METRICS_URLS ?? '').split(',').sort().join() !== expected.sort().join()) {
      violations.push(`${dashboard}: PREDICTOR_METRICS_URLS must list ${expected.join(',')}`);
    }
    const gateway = byApp('gateway')[0];
    if (gateway && new URL(env.GATEWAY_URL ?? 'http://x').hostname !== gateway)
      violations.push(`${dashboard}: GATEWAY_URL must point at ${gateway}`);
  }
  return violations;
}
