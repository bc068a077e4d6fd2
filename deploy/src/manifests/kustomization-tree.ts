import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readYamlDocuments } from './yaml-documents';

/** The parts of a kustomization.yaml the checks follow. */
interface KustomizationFile {
  resources?: string[];
  components?: string[];
  patches?: Array<{ path?: string; patch?: string }>;
  configMapGenerator?: Array<{ envs?: string[]; files?: string[] }>;
  secretGenerator?: Array<{ envs?: string[]; files?: string[] }>;
}

/** Files a kustomization (and everything it includes) is made of. */
export interface KustomizationTree {
  /** Complete resource manifests (validated one by one against the API schemas). */
  resourceFiles: string[];
  /** Strategic-merge / JSON patches (only complete after rendering). */
  patchFiles: string[];
  /** env/files inputs of the ConfigMap and Secret generators. */
  generatorInputs: string[];
  /** kustomization.yaml files visited. */
  kustomizations: string[];
}

/** Reads `<dir>/kustomization.yaml`. */
function readKustomization(dir: string): KustomizationFile {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir} has no kustomization.yaml`);
  return readYamlDocuments(file)[0].value as KustomizationFile;
}

/**
 * Walks a kustomization like `kustomize build` would (resources, components, patches, generator
 * inputs), without rendering it. Throws when a referenced file or directory does not exist.
 */
export function kustomizationTree(dir: string, seen = new Set<string>()): KustomizationTree {
  const tree: KustomizationTree = {
    resourceFiles: [],
    patchFiles: [],
    generatorInputs: [],
    kustomizations: [],
  };
  const root = resolve(dir);
  if (seen.has(root)) return tree;
  seen.add(root);
  const kustomization = readKustomization(root);
  tree.kustomizations.push(join(root, 'kustomization.yaml'));
  const entries = [...(kustomization.resources ?? []), ...(kustomization.components ?? [])];
  for (const entry of entries) {
    const path = resolve(root, entry);
    if (!existsSync(path))
      throw new Error(`${root}/kustomization.yaml references missing ${entry}`);
    if (statSync(path).isDirectory()) {
      const child = kustomizationTree(path, seen);
      tree.resourceFiles.push(...child.resourceFiles);
      tree.patchFiles.push(...child.patchFiles);
      tree.generatorInputs.push(...child.generatorInputs);
      tree.kustomizations.push(...child.kustomizations);
    } else {
      tree.resourceFiles.push(path);
    }
  }
  for (const patch of kustomization.patches ?? []) {
    if (!patch.path) continue;
    const path = resolve(root, patch.path);
    if (!existsSync(path))
      throw new Error(`${root}/kustomization.yaml references missing patch ${patch.path}`);
    tree.patchFiles.push(path);
  }
  const generators = [
    ...(kustomization.configMapGenerator ?? []),
    ...(kustomization.secretGenerator ?? []),
  ];
  for (const input of generators.flatMap((g) => [...(g.envs ?? []), ...(g.files ?? [])])) {
    const path = resolve(root, input.replace(/^[^=]+=/, ''));
    if (!existsSync(path))
      throw new Error(`${root}/kustomization.yaml references missing ${input}`);
    tree.generatorInputs.push(path);
  }
  return tree;
}
