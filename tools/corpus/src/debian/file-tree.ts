import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** All regular files below `dir`, as paths relative to `dir`, sorted for deterministic processing. */
export function listFiles(
  dir: string,
  accept: (relativePath: string) => boolean = () => true,
): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const rel = relative(dir, full);
        if (accept(rel)) files.push(rel);
      }
    }
  };
  walk(dir);
  return files.sort();
}
