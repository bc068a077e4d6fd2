import type { AppFacts } from '../app-facts/app-sources';
import { isPinnedImage } from '../invariants/container.checks';

/** One Dockerfile instruction (continuation lines joined). */
export interface Instruction {
  keyword: string;
  args: string;
}

/** A build stage: its FROM image (ARGs resolved), name and instructions. */
export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into instructions, joining `\` continuations and dropping comments. */
export function parseDockerfile(text: string): Instruction[] {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return logical
    .split('\n')
    .map((line) => /^\s*([A-Za-z]+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ keyword: m[1].toUpperCase(), args: m[2].trim() }));
}

/** Groups instructions into stages, resolving `${ARG}` in FROM from global ARG defaults. */
export function stagesOf(instructions: Instruction[]): Stage[] {
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, value] = instruction.args.split('=');
      if (value !== undefined) args.set(name, value);
    } else if (instruction.keyword === 'FROM') {
      const [image, , name] = instruction.args
        .replace(/\$\{(\w+)\}/g, (_, arg: string) => args.get(arg) ?? '')
        .split(/\s+/);
      stages.push({ from: image, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const runs = (stage: Stage | undefined, pattern: RegExp) =>
  !!stage?.instructions.some((i) => i.keyword === 'RUN' && pattern.test(i.args));
const has = (stage: Stage | undefined, keyword: string, pattern: RegExp) =>
  !!stage?.instructions.some((i) => i.keyword === keyword && pattern.test(i.args));

/** The workspace project an image is built from: its Nx project name and build output folder. */
export interface ImageProject {
  name: string;
  /** e.g. `dist/apps/gateway`. */
  dist: string;
}

/**
 * Structural checks common to every Sibyl image: multi-stage with pinned base images, the Nx build
 * of the project, production dependencies installed from the generated package.json and
 * package-lock.json with `npm ci --omit=dev`, and a runtime stage that copies the build output and
 * those node_modules, runs no npm, and runs as a numeric non-root user.
 */
export function imageBuildViolations(stages: Stage[], project: ImageProject): string[] {
  const { name, dist } = project;
  const violations: string[] = [];
  const runtime = stages.at(-1);
  if (stages.length < 3) violations.push('expected build, dependency and runtime stages');
  for (const stage of stages) {
    const internal = stages.some((s) => s.name === stage.from);
    if (!internal && !isPinnedImage(stage.from))
      violations.push(`FROM ${stage.from} is not pinned`);
  }
  if (!stages.some((s) => runs(s, new RegExp(`nx build ${name}\\b`))))
    violations.push(`no stage runs nx build ${name}`);
  const deps = stages.find((s) => runs(s, /npm ci .*--omit=dev/));
  if (!deps) violations.push('no stage installs production dependencies with npm ci --omit=dev');
  if (
    deps &&
    !has(deps, 'COPY', new RegExp(`${dist}/package\\.json .*${dist}/package-lock\\.json`))
  ) {
    violations.push(
      `the dependency stage must install from ${dist}/package.json and package-lock.json`,
    );
  }
  if (!has(runtime, 'COPY', new RegExp(`${dist}/`)))
    violations.push(`the runtime stage must copy ${dist}/`);
  if (!has(runtime, 'COPY', /--from=\S+ \/app\/node_modules/))
    violations.push('the runtime stage must copy the production node_modules');
  if (runs(runtime, /npm (ci|install)/)) violations.push('the runtime stage must not run npm');
  const user = runtime?.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args;
  if (!user || !/^[1-9]\d*(:[1-9]\d*)?$/.test(user))
    violations.push(
      `runtime USER ${user} must be a numeric non-root uid (kubelet can verify runAsNonRoot)`,
    );
  return violations;
}

/**
 * Structural checks of apps/<app>/Dockerfile: those of {@link imageBuildViolations} for
 * dist/apps/<app>, and a runtime stage that exposes the app's port, runs main.js and health-checks
 * a route the app serves.
 */
export function dockerfileViolations(text: string, facts: AppFacts): string[] {
  const app = facts.app;
  const stages = stagesOf(parseDockerfile(text));
  const violations = imageBuildViolations(stages, { name: app, dist: `dist/apps/${app}` });
  const runtime = stages.at(-1);
  if (!has(runtime, 'EXPOSE', new RegExp(`^${facts.defaultPort}\\b`)))
    violations.push(`runtime must EXPOSE ${facts.defaultPort}`);
  if (!has(runtime, 'CMD', /"node",\s*"main\.js"/))
    violations.push('runtime CMD must be ["node", "main.js"]');
  const healthcheck = runtime?.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
  const path = /\|\|(\d+)\)\+'(\/[\w/]+)'/.exec(healthcheck);
  if (!path || Number(path[1]) !== facts.defaultPort || !facts.getRoutes.has(path[2])) {
    violations.push(
      `HEALTHCHECK must GET a health route of apps/${app} on its port (${healthcheck})`,
    );
  }
  return violations;
}
