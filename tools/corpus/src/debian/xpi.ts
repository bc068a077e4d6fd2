import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Extracts an .xpi (zip) archive with the `unzip` tool into `target` once; later calls reuse it.
 * Install the tool with `apt-get install -y unzip` when it is missing.
 */
export function extractXpi(xpiPath: string, target: string): string {
  if (existsSync(join(target, '.extracted'))) return target;
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  try {
    execFileSync('unzip', ['-q', '-o', xpiPath, '-d', partial], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error("The 'unzip' tool is missing: run 'apt-get install -y unzip'");
    }
    throw error;
  }
  writeFileSync(join(partial, '.extracted'), `${xpiPath}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(partial, target);
  return target;
}
