import { DEFAULT_MODEL_PATH } from '@sibyl/model';
import { workspaceRoot } from '@sibyl/testing';
import { join } from 'node:path';

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
