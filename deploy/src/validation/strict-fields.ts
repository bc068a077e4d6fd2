import { join } from 'node:path';
import * as ts from 'typescript';
import { WORKSPACE_ROOT } from '../manifests/deploy-paths';
import type { K8sResource } from '../manifests/k8s-resource';
import { modelModulePath } from './api-schemas';

/**
 * Strict field validation, offline. The Kubernetes OpenAPI schemas do not forbid unknown fields
 * (the API server drops them, or warns with `kubectl apply --validate=strict`), so a misspelt
 * `readinessprobe:` would pass `validate()`. This check assigns every object to the TypeScript
 * interface kubernetes-models generates for its kind (`IDeployment`, `IScaledObject`...) and lets
 * the compiler's excess-property and type checks report unknown or mistyped fields.
 */

const VIRTUAL_FILE = join(WORKSPACE_ROOT, 'deploy', '__strict-fields-check__.mts');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
};

/** Problems per index of `resources` (objects with no generated interface are skipped). */
export function strictFieldProblems(resources: K8sResource[]): Map<number, string[]> {
  const imports = new Map<string, string>();
  const lines: string[] = [];
  const lineOwner: number[] = [];
  resources.forEach((resource, index) => {
    const modulePath = modelModulePath(resource.apiVersion, resource.kind);
    if (!modulePath) return;
    const alias = `I${resource.kind}_${imports.size}`;
    const typeName = imports.get(modulePath) ?? alias;
    if (!imports.has(modulePath)) imports.set(modulePath, alias);
    lines.push(`export const r${index}: ${typeName} = ${JSON.stringify(resource)};`);
    lineOwner.push(index);
  });
  const header = [...imports].map(([path, alias]) => {
    const kind = path.split('/').pop();
    return `import type { I${kind} as ${alias} } from '${path}';`;
  });
  const source = [...header, ...lines].join('\n');
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError) =>
    file === VIRTUAL_FILE
      ? ts.createSourceFile(file, source, language)
      : getSourceFile(file, language, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === VIRTUAL_FILE || fileExists(file);
  const program = ts.createProgram({ rootNames: [VIRTUAL_FILE], options: COMPILER_OPTIONS, host });
  const problems = new Map<number, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file?.fileName !== VIRTUAL_FILE || diagnostic.start === undefined) {
      throw new Error(`strict field check could not load the model types: ${message}`);
    }
    const line =
      diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line - header.length;
    if (line < 0) throw new Error(`strict field check: ${message}`);
    const owner = lineOwner[line];
    problems.set(owner, [...(problems.get(owner) ?? []), message]);
  }
  return problems;
}
