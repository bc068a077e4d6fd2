import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './deploy-paths';
import { isK8sResource, K8sResource } from './k8s-resource';
import { parseYamlDocuments } from './yaml-documents';

/** How to run `kustomize build`: a kustomize binary or `kubectl kustomize`. */
export interface KustomizeCommand {
  command: string;
  args: string[];
  description: string;
}

/** Runs a command, returning whether it exited 0. */
function succeeds(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a kustomize to render the overlays with, in this order: `$KUSTOMIZE`, the binary that
 * deploy/scripts/install-kustomize.sh builds into .cache/bin, `kustomize` on PATH, `kubectl kustomize`.
 * Returns undefined when there is none.
 */
export function findKustomize(): KustomizeCommand | undefined {
  const candidates = [
    process.env.KUSTOMIZE,
    join(WORKSPACE_ROOT, '.cache/bin/kustomize'),
    'kustomize',
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (candidate.includes('/') && !existsSync(candidate)) continue;
    if (succeeds(candidate, ['version'])) {
      return { command: candidate, args: ['build'], description: candidate };
    }
  }
  if (succeeds('kubectl', ['kustomize', '--help'])) {
    return { command: 'kubectl', args: ['kustomize'], description: 'kubectl kustomize' };
  }
  return undefined;
}

/** Like {@link findKustomize} but throws, telling how to install one. */
export function requireKustomize(): KustomizeCommand {
  const kustomize = findKustomize();
  if (!kustomize) {
    throw new Error(
      'no kustomize found: run `bash deploy/scripts/install-kustomize.sh` (builds it with Go) or install kubectl',
    );
  }
  return kustomize;
}

/** `kustomize build <dir>` as Kubernetes objects (throws with kustomize's message when it fails). */
export function renderKustomization(kustomize: KustomizeCommand, dir: string): K8sResource[] {
  let output: string;
  try {
    output = execFileSync(kustomize.command, [...kustomize.args, dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      maxBuffer: 32 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `${kustomize.description} build ${dir} failed: ${stderr || (error as Error).message}`,
    );
  }
  return parseYamlDocuments(output, `kustomize build ${dir}`).map((doc) => {
    if (!isK8sResource(doc.value))
      throw new Error(`kustomize build ${dir}: document ${doc.index} is not a Kubernetes object`);
    return doc.value;
  });
}
