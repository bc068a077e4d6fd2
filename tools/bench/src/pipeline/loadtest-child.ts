import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LoadtestSummary } from './loadtest-summary';

/** The exact command line a scenario runs, for BENCHMARKS.md. */
export function loadtestCommand(args: string[], label: string): string {
  const quoted = [...args, '--label', label].map((a) => (/^[\w./=:,-]+$/.test(a) ? a : `'${a}'`));
  return `npm run loadtest -- ${quoted.join(' ')}`;
}

/**
 * Runs the load tool (`tools/loadtest/src/main.ts` through tsx) as a child process
 * with `--json`, forwarding its progress (stderr) with a prefix, and returns the
 * parsed report. The load tool sets its exit status from the verdict; the report is
 * returned either way.
 */
export function runLoadtest(
  root: string,
  args: string[],
  label: string,
  log: (line: string) => void,
): Promise<LoadtestSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(root, 'node_modules/.bin/tsx'),
      ['tools/loadtest/src/main.ts', ...args, '--label', label, '--json'],
      {
        cwd: root,
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8').split('\r\u001b[K').join('\n');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(`  [${label}] ${line}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(stdout) as LoadtestSummary);
      } catch {
        reject(new Error(`loadtest ${label} exited with ${code} without a JSON report`));
      }
    });
  });
}
