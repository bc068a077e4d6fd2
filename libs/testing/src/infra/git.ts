import { execFileSync } from 'node:child_process';

/** `git …` in `root` (trimmed output), or 'unknown' when that tree is not a git checkout. */
export function git(root: string, args: readonly string[]): string {
  try {
    return execFileSync('git', [...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The commit checked out in `root` (`git rev-parse HEAD`), or 'unknown'. */
export function gitCommit(root: string): string {
  return git(root, ['rev-parse', 'HEAD']);
}
