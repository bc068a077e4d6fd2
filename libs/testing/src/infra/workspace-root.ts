import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The Nx workspace root: the nearest folder at or above `from` (default: this file's) holding nx.json. */
export function workspaceRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}
