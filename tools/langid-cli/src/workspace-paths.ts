import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_MODEL_PATH } from '@sibyl/model';

/** The monorepo root: the nearest ancestor of `start` that has `nx.json`. */
export function workspaceRoot(start: string = __dirname): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** Default locations the CLI reads and writes. */
export interface LangidPaths {
  model: string;
  corpus: string;
  evalDir: string;
}

/** Defaults, absolute: `models/langid/langid.model`, `data/corpus`, `data/eval`. */
export function defaultPaths(root: string = workspaceRoot()): LangidPaths {
  return {
    model: join(root, DEFAULT_MODEL_PATH),
    corpus: join(root, 'data/corpus'),
    evalDir: join(root, 'data/eval'),
  };
}
