import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, WORKSPACE_ROOT } from '../manifests/deploy-paths';

/** The three deployable Sibyl apps. */
export const APPS = ['gateway', 'predictor', 'dashboard'] as const;
export type AppName = (typeof APPS)[number];

/** The env variable holding each app's HTTP port (health, metrics, API). */
export const PORT_VARIABLE: Record<AppName, string> = {
  gateway: 'GATEWAY_PORT',
  predictor: 'PREDICTOR_PORT',
  dashboard: 'DASHBOARD_PORT',
};

/** What the manifests must agree with, read from an app's sources. */
export interface AppFacts {
  app: AppName;
  /** Environment variables the app's validated config declares, with their default (source text). */
  environment: Map<string, string | undefined>;
  /** Default HTTP port (from the config class). */
  defaultPort: number;
  /** GET routes declared by its controllers, e.g. `/health/live`. */
  getRoutes: Set<string>;
}

/** Non-test TypeScript sources below a directory. */
function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return listFiles(dir, /\.ts$/).filter((file) => !/\.(e2e-)?spec\.ts$/.test(file));
}

const DECORATOR = /@\w+\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*/g;
const PROPERTY =
  /^\s*(?:readonly\s+)?([A-Z][A-Z0-9_]{2,})\s*[?!]?\s*(?::\s*[^=;]+?)?\s*(?:=\s*(.+?))?\s*;\s*(?:\/\/.*)?$/;

/** Adds the UPPER_SNAKE class properties of a source line (decorators stripped) to `variables`. */
function readProperty(line: string, variables: Map<string, string | undefined>): void {
  const match = PROPERTY.exec(line.replace(DECORATOR, ''));
  if (!match) return;
  const initializer = match[2] === 'undefined' ? undefined : match[2];
  variables.set(match[1], initializer?.replace(/^['"`](.*)['"`]$/, '$1'));
}

const CLASS = /^export class (\w+)(?: extends (\w+))?/;

/**
 * Environment variables of the shared environment classes of `libs/config` (`BaseEnvironment`,
 * `SibylEnvironment`), each with those of the class it extends.
 */
export function readSharedEnvironments(): Map<string, Map<string, string | undefined>> {
  const own = new Map<string, { parent?: string; variables: Map<string, string | undefined> }>();
  for (const file of sourceFiles(join(WORKSPACE_ROOT, 'libs', 'config', 'src'))) {
    let current: Map<string, string | undefined> | undefined;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const declared = CLASS.exec(line);
      if (declared) {
        current = new Map();
        own.set(declared[1], { parent: declared[2], variables: current });
      } else if (current) readProperty(line, current);
    }
  }
  const resolve = (name: string): Map<string, string | undefined> => {
    const entry = own.get(name);
    if (!entry) return new Map();
    return new Map([...(entry.parent ? resolve(entry.parent) : []), ...entry.variables]);
  };
  return new Map([...own.keys()].map((name) => [name, resolve(name)]));
}

/**
 * Environment variables of the config classes in `apps/<app>/src/config/*.ts`: every UPPER_SNAKE
 * class property (decorators stripped), with its default initializer as written (quotes removed),
 * and those of the shared `libs/config` class it extends.
 */
export function readAppEnvironment(app: AppName): Map<string, string | undefined> {
  const shared = readSharedEnvironments();
  const variables = new Map<string, string | undefined>();
  for (const file of sourceFiles(join(WORKSPACE_ROOT, 'apps', app, 'src', 'config'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const line of lines) {
      const parent = CLASS.exec(line)?.[2];
      for (const [name, value] of (parent && shared.get(parent)) || []) variables.set(name, value);
    }
    for (const line of lines) readProperty(line, variables);
  }
  return variables;
}

/** Joins controller prefix and method path the way Nest does (`health` + `live` -> `/health/live`). */
function joinRoute(prefix: string, path: string): string {
  return `/${[prefix, path].filter(Boolean).join('/')}`
    .replace(/\/+/g, '/')
    .replace(/(.)\/$/, '$1');
}

/** GET routes of `@Controller('x')` classes in `apps/<app>/src`: `@Get('y')` -> `/x/y`. */
export function readAppGetRoutes(app: AppName): Set<string> {
  const routes = new Set<string>();
  for (const file of sourceFiles(join(WORKSPACE_ROOT, 'apps', app, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const controller = /@Controller\(\s*(?:['"`]([^'"`]*)['"`])?\s*\)/.exec(text);
    if (!controller) continue;
    for (const get of text.matchAll(/@Get\(\s*(?:['"`]([^'"`]*)['"`])?\s*\)/g)) {
      routes.add(joinRoute(controller[1] ?? '', get[1] ?? ''));
    }
  }
  return routes;
}

/** True when the app mounts the shared `/metrics` endpoint (MetricsModule of @sibyl/observability). */
export function servesMetrics(app: AppName): boolean {
  return sourceFiles(join(WORKSPACE_ROOT, 'apps', app, 'src')).some((file) =>
    /MetricsModule\.forRoot/.test(readFileSync(file, 'utf8')),
  );
}

/** Every `sibyl_*` metric name written as a string literal in the apps' and libs' sources. */
export function declaredMetricNames(): Set<string> {
  const names = new Set<string>();
  const roots = [join(WORKSPACE_ROOT, 'apps'), join(WORKSPACE_ROOT, 'libs')];
  for (const file of roots.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`](sibyl_[a-z0-9_]+)['"`]/g))
      names.add(match[1]);
  }
  return names;
}

/** {@link AppFacts} of one app; throws when its config class or port default cannot be found. */
export function readAppFacts(app: AppName): AppFacts {
  const environment = readAppEnvironment(app);
  const port = Number(environment.get(PORT_VARIABLE[app]));
  if (!Number.isInteger(port)) {
    throw new Error(`apps/${app}/src/config declares no integer default for ${PORT_VARIABLE[app]}`);
  }
  return { app, environment, defaultPort: port, getRoutes: readAppGetRoutes(app) };
}
