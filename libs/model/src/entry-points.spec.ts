import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SOURCE_ROOT = __dirname;
const RELATIVE_IMPORT = /(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g;
/** Files that only training needs; the inference entry must not reach any of them. */
const TRAINING_ONLY = [
  /^training\//,
  /^svm\/(one-vs-rest|parallel-one-vs-rest|dual-coordinate-descent)\.ts$/,
  /^features\/(tfidf-fitting|vocabulary-builder)\.ts$/,
];

/** Every source file `entry` reaches through relative imports (type-only ones included). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [join(SOURCE_ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      pending.push(`${join(dirname(file), match[1])}.ts`);
    }
  }
  return new Set([...seen].map((file) => relative(SOURCE_ROOT, file)));
}

describe('entry points', () => {
  it('the inference entry reaches no training code', () => {
    const files = [...reachable('index.ts')];
    expect(files).toContain('identifier/language-identifier.ts');
    expect(files).toContain('artifact/model-info.ts');
    expect(files.filter((file) => TRAINING_ONLY.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('the training entry reaches the trainer', () => {
    const files = reachable('training.ts');
    expect(files.has('training/train-language-identifier.ts')).toBe(true);
    expect(files.has('svm/dual-coordinate-descent.ts')).toBe(true);
  });
});
