import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, readAppFacts } from '../app-facts/app-sources';
import { WORKSPACE_ROOT } from '../manifests/deploy-paths';
import {
  dockerfileViolations,
  imageBuildViolations,
  imageStages,
  parseDockerfile,
  stagesOf,
} from './dockerfile-checks';

/** No Docker engine here: the Dockerfile is checked structurally against the apps. */
const DOCKERFILE = readFileSync(join(WORKSPACE_ROOT, 'Dockerfile'), 'utf8');

describe.each(APPS)('the %s image (Dockerfile with APP=%s)', (app) => {
  it('builds with Nx, ships production dependencies only and runs non-root with a health check', () => {
    expect(dockerfileViolations(DOCKERFILE, readAppFacts(app))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  it('ends with the stage named by APP, one per image', () => {
    const stages = stagesOf(parseDockerfile(DOCKERFILE), { APP: 'predictor' });
    expect(stages.at(-1)).toEqual({ from: 'predictor', name: undefined, instructions: [] });
    const images = stages.filter((s) => s.from === 'runtime').map((s) => s.name);
    expect(images.sort()).toEqual([...APPS, 'models'].sort());
  });

  it('stops with a message when APP is not given', () => {
    expect(stagesOf(parseDockerfile(DOCKERFILE)).at(-1)?.from).toBe('no-app');
    const [image] = imageStages(DOCKERFILE).slice(-1);
    expect(image.instructions.map((i) => i.args).join(' ')).toMatch(
      /name the image: docker build --build-arg APP=.* && exit 1$/,
    );
  });

  it('builds the project APP names and moves its output where the later stages read it', () => {
    const build = stagesOf(parseDockerfile(DOCKERFILE), { APP: 'models' }).find(
      (s) => s.name === 'build',
    );
    expect(build?.instructions.at(-1)?.args).toBe('npx nx build models && mv dist/*/models out');
  });
});

describe('predictor image', () => {
  const stages = imageStages(DOCKERFILE, { APP: 'predictor' });
  const runtime = stages.at(-1)!;

  it('contains the model artifact where MODEL_PATH points', () => {
    const copy = runtime.instructions.find(
      (i) => i.keyword === 'COPY' && i.args.includes('langid.model'),
    );
    expect(copy?.args).toMatch(/models\/langid\/langid\.model \.\/models\/langid\/langid\.model$/);
    const env = runtime.instructions
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toContain('MODEL_PATH=/app/models/langid/langid.model');
  });

  it('trains the model when the build context has none', () => {
    const model = stages.find((s) => s.name === 'model')!;
    expect(model.instructions.map((i) => i.args).join(' ')).toMatch(
      /! -f models\/langid\/langid\.model \]; then npm run langid -- train/,
    );
  });
});

describe('models image (the re-verification CronJob image)', () => {
  const stages = imageStages(DOCKERFILE, { APP: 'models' });
  const runtime = stages.at(-1)!;
  const args = (keyword: string) =>
    runtime.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('builds with Nx, ships production dependencies only and runs non-root', () => {
    expect(imageBuildViolations(stages, 'models')).toEqual([]);
  });

  it('runs the models CLI with the data `verify` and `add` evaluate on, under MODELS_ROOT', () => {
    expect(args('ENTRYPOINT')).toEqual(['["node", "main.js"]']);
    expect(args('ENV').join(' ')).toMatch(/\bMODELS_ROOT=\/app\b/);
    const copies = args('COPY');
    // The held-out split is rebuilt from the corpus; the UDHR sets are read from data/eval.
    expect(copies).toEqual(
      expect.arrayContaining([
        '--from=workspace /workspace/data/corpus ./data/corpus',
        '--from=workspace /workspace/data/eval ./data/eval',
      ]),
    );
    expect(args('WORKDIR').at(-1)).toBe('/app');
  });

  it('gets the data through .dockerignore', () => {
    const ignored = readFileSync(join(WORKSPACE_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored.filter((l) => /^!?data\b/.test(l))).toEqual([]);
  });
});

describe('dockerfile checks', () => {
  it('catch a latest base image, a root user, dev dependencies and a health check on a missing route', () => {
    const bad = DOCKERFILE.replace('node:20.20.2-bookworm-slim', 'node:latest')
      .replace('USER 1000:1000', 'USER root')
      .replace('npm ci --omit=dev', 'npm ci')
      .replace("'/health/live'", "'/healthz'");
    expect(dockerfileViolations(bad, readAppFacts('gateway'))).toEqual(
      expect.arrayContaining([
        'FROM node:latest is not pinned',
        'no stage installs production dependencies with npm ci --omit=dev',
        'runtime USER root must be a numeric non-root uid (kubelet can verify runAsNonRoot)',
        expect.stringMatching(/^HEALTHCHECK must GET a health route of apps\/gateway/),
      ]),
    );
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync(join(WORKSPACE_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps dependencies, build output, VCS data and secrets out of the build context', () => {
    expect(patterns).toEqual(
      expect.arrayContaining([
        '**/node_modules',
        'dist',
        '.git',
        '.env',
        '.env.*',
        'coverage',
        '.nx',
      ]),
    );
  });

  it('lets only the model artifact through from models/', () => {
    expect(patterns.indexOf('models')).toBeGreaterThanOrEqual(0);
    expect(patterns.indexOf('!models/langid/langid.model')).toBeGreaterThan(
      patterns.indexOf('models'),
    );
  });
});
