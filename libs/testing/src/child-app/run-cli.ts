import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from '../infra/workspace-root';

const execFileAsync = promisify(execFile);

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript CLI of the workspace (`script` relative to the root, e.g.
 * `tools/keys/src/main.ts`) with tsx, as `npm run …` does, with extra environment variables.
 * Resolves with its exit code and output; never rejects for a non-zero exit.
 */
export async function runCli(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const root = workspaceRoot();
  try {
    const { stdout, stderr } = await execFileAsync(
      join(root, 'node_modules/.bin/tsx'),
      [script, ...args],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
