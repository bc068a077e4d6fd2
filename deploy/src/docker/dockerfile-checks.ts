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

/** Build arguments given to `docker build --build-arg NAME=value`. */
export type BuildArgs = Record<string, string>;

/** Replaces `${NAME}` of the known build arguments; others stay as written. */
const substitute = (text: string, args: Map<string, string>) =>
  text.replace(/\$\{(\w+)\}/g, (whole, name: string) => args.get(name) ?? whole);

/**
 * Groups instructions into stages, resolving `${ARG}` from the global ARG defaults overridden by
 * `buildArgs` (in FROM, and in the instructions of the stages that declare the ARG).
 */
export function stagesOf(instructions: Instruction[], buildArgs: BuildArgs = {}): Stage[] {
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, value] = instruction.args.split('=');
      const given = buildArgs[name] ?? value;
      if (given !== undefined) args.set(name, given);
    } else if (instruction.keyword === 'FROM') {
      const [image, , name] = substitute(instruction.args, args).split(/\s+/);
      stages.push({ from: image, name, instructions: [] });
    } else {
      stages
        .at(-1)
        ?.instructions.push({ ...instruction, args: substitute(instruction.args, args) });
    }
  }
  return stages;
}

/**
 * The stages of the image `docker build` makes with `buildArgs`: the last one is what runs, merged
 * with the stages of this file it is built FROM (their instructions first), so that its ENV, COPY,
 * USER, CMD… are all seen, and FROM the base image of the first of them.
 */
export function imageStages(text: string, buildArgs: BuildArgs = {}): Stage[] {
  const stages = stagesOf(parseDockerfile(text), buildArgs);
  const chain: Stage[] = [];
  for (
    let stage = stages.at(-1);
    stage && !chain.includes(stage);
    stage = stages.find((s) => s.name === stage?.from)
  )
    chain.unshift(stage);
  if (chain.length === 0) return stages;
  const image = { ...stages[stages.length - 1], from: chain[0].from };
  image.instructions = chain.flatMap((s) => s.instructions);
  return [...stages.slice(0, -1), image];
}

const runs = (stage: Stage | undefined, pattern: RegExp) =>
  !!stage?.instructions.some((i) => i.keyword === 'RUN' && pattern.test(i.args));
const has = (stage: Stage | undefined, keyword: string, pattern: RegExp) =>
  !!stage?.instructions.some((i) => i.keyword === keyword && pattern.test(i.args));

/** Where the build stage puts the output of `nx build <project>` (main.js, package.json, lock). */
export const BUILD_OUTPUT = '/workspace/out';

/**
 * Structural checks common to every Sibyl image: multi-stage with pinned base images, the Nx build
 * of the project, production dependencies installed from the generated package.json and
 * package-lock.json with `npm ci --omit=dev`, and a runtime stage that copies the build output and
 * those node_modules, runs no npm, and runs as a numeric non-root user.
 */
export function imageBuildViolations(stages: Stage[], project: string): string[] {
  const dist = BUILD_OUTPUT;
  const violations: string[] = [];
  const runtime = stages.at(-1);
  if (stages.length < 3) violations.push('expected build, dependency and runtime stages');
  for (const stage of stages) {
    const internal = stages.some((s) => s.name === stage.from);
    if (!internal && !isPinnedImage(stage.from))
      violations.push(`FROM ${stage.from} is not pinned`);
  }
  if (!stages.some((s) => runs(s, new RegExp(`nx build ${project}\\b`))))
    violations.push(`no stage runs nx build ${project}`);
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
 * Structural checks of the image the Dockerfile builds with `APP=<app>`: those of
 * {@link imageBuildViolations}, and a runtime stage that exposes the app's port, runs main.js and
 * health-checks a route the app serves.
 */
export function dockerfileViolations(text: string, facts: AppFacts): string[] {
  const app = facts.app;
  const stages = imageStages(text, { APP: app });
  const violations = imageBuildViolations(stages, app);
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
