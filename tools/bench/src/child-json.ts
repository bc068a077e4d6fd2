import { spawn } from 'node:child_process';

/** Options of {@link runChild}. */
export interface ChildOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Lines the child writes to stderr are shown with this prefix (progress). */
  label: string;
}

/** Exit status, output and wall time of a finished child. */
export interface ChildOutcome {
  stdout: string;
  seconds: number;
}

/**
 * Runs a command, relays its stderr line by line (so progress stays visible), and resolves
 * with its stdout. Rejects with the tail of stderr when it exits non-zero.
 */
export function runChild(
  command: string,
  args: string[],
  options: ChildOptions,
): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderrTail = '';
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split(/\r|\n/);
      partial = lines.pop() ?? '';
      for (const line of lines)
        if (line.trim()) process.stderr.write(`  [${options.label}] ${line}\n`);
      stderrTail = (stderrTail + text).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ stdout, seconds });
      else reject(new Error(`${options.label}: ${command} exited with ${code}\n${stderrTail}`));
    });
  });
}

/** Parses the last non-empty stdout line as JSON. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.split('\n').filter((line) => line.trim().length > 0);
  if (lines.length === 0) throw new Error('child printed no result');
  return JSON.parse(lines[lines.length - 1]) as T;
}
