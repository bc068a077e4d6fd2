import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { waitFor } from '@sibyl/testing';

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * One built app (`dist/apps/<name>/main.js`) running as a child process; its output is appended to `logFile`
 * and the last lines are kept for start-up errors.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private readonly output: string[] = [];

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: Record<string, string>,
    /** URL answering 200 once the service is ready. */
    readonly readyUrl: string,
    private readonly logFile: string,
  ) {}

  /** Spawns the process and waits until `readyUrl` answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, [this.script], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    child.once('exit', () => log.end());
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 200));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error(`${this.name} exited during start-up:\n${this.logTail()}`);
        return (await fetch(this.readyUrl, { signal: AbortSignal.timeout(2000) })).ok;
      },
      { timeoutMs, intervalMs: 250, description: `${this.name} ready at ${this.readyUrl}` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.name} output ---\n${this.logTail()}`);
    });
  }

  /** SIGTERM (graceful shutdown), SIGKILL if still running after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** The last lines the process printed. */
  logTail(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }
}
