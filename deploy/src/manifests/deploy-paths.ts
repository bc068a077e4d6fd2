import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Repository root (deploy/src/manifests -> ../../..). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
/** deploy/ */
export const DEPLOY_ROOT = join(WORKSPACE_ROOT, 'deploy');
/** deploy/k8s */
export const K8S_ROOT = join(DEPLOY_ROOT, 'k8s');

/** The kustomizations that are applied on their own, relative to deploy/k8s. */
export const KUSTOMIZATIONS = [
  'base',
  'overlays/dev',
  'overlays/prod',
  'overlays/keda',
  'prometheus-adapter',
] as const;
/** The overlays a user deploys (each renders a complete application). */
export const OVERLAYS = ['overlays/dev', 'overlays/prod', 'overlays/keda'] as const;

/** Path relative to the repository root, for messages. */
export function fromRoot(path: string): string {
  return relative(WORKSPACE_ROOT, path);
}

/** Every file below `dir` whose name matches `pattern`, sorted. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (name === 'node_modules') return [];
      if (statSync(path).isDirectory()) return listFiles(path, pattern);
      return pattern.test(name) ? [path] : [];
    });
}
