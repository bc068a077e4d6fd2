import { execFileSync } from 'node:child_process';

/**
 * Pid of the local process listening on a TCP port (e.g. the broker on 5672, the
 * database on 27017), via `ss -ltnp`; null when unknown (not Linux, not permitted,
 * nothing listening).
 */
export function pidListeningOn(port: number): number | null {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
