import { spawn, SpawnOptions } from 'node:child_process';
import { workspaceRoot } from '@sibyl/testing';

/** Runs a command with inherited output; resolves its exit code. */
export function runCommand(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: workspaceRoot(), stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and throws when it fails. */
export async function mustRun(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<void> {
  const code = await runCommand(command, args, options);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

/** Runs an Nx command through the workspace's own nx binary. */
export function nx(args: string[], options: SpawnOptions = {}): Promise<number> {
  return runCommand(`${workspaceRoot()}/node_modules/.bin/nx`, args, options);
}
