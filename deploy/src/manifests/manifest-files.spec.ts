import { join } from 'node:path';
import { DEPLOY_ROOT, fromRoot, K8S_ROOT, KUSTOMIZATIONS, listFiles } from './deploy-paths';
import { isK8sResource, resourceId } from './k8s-resource';
import { kustomizationTree } from './kustomization-tree';
import { parseYamlDocuments, readYamlDocuments } from './yaml-documents';
import { validateAgainstApiSchema } from '../validation/api-schemas';

describe('deploy/ YAML files', () => {
  const files = listFiles(DEPLOY_ROOT, /\.ya?ml$/);

  it('exist', () => expect(files.length).toBeGreaterThan(20));

  it.each(files.map(fromRoot))('%s parses', (file) => {
    expect(readYamlDocuments(join(DEPLOY_ROOT, '..', file)).length).toBeGreaterThan(0);
  });

  it('rejects broken YAML and duplicate keys with the source in the message', () => {
    expect(() => parseYamlDocuments('a: [1, 2', 'broken.yaml')).toThrow(/broken\.yaml/);
    expect(() => parseYamlDocuments('a: 1\na: 2\n', 'dup.yaml')).toThrow(
      /dup\.yaml.*Map keys must be unique/s,
    );
  });
});

describe.each(KUSTOMIZATIONS)('resource files of %s', (name) => {
  const tree = kustomizationTree(join(K8S_ROOT, name));

  it('are each a valid Kubernetes object on their own', () => {
    const problems = tree.resourceFiles.flatMap((file) =>
      readYamlDocuments(file).flatMap((doc) => {
        if (!isK8sResource(doc.value))
          return [`${fromRoot(file)}#${doc.index}: not a Kubernetes object`];
        return validateAgainstApiSchema(doc.value).map(
          (p) => `${fromRoot(file)} ${resourceId(doc.value as never)}: ${p}`,
        );
      }),
    );
    expect(problems).toEqual([]);
  });

  it('patches name the object they patch', () => {
    const unnamed = tree.patchFiles.flatMap((file) =>
      readYamlDocuments(file)
        .filter((doc) => !isK8sResource(doc.value))
        .map(() => fromRoot(file)),
    );
    expect(unnamed).toEqual([]);
  });
});
