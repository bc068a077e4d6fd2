import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { waitFor, workspaceRoot } from '@sibyl/testing';
import { ProcessExit, SupervisedProcess } from './supervisor/supervised-process';

/** One app started by `npm start`, its output prefixed with its name. */
export class AppProcess implements SupervisedProcess {
  private child?: ChildProcess;

  constructor(
    readonly name: string,
    private readonly main: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly healthUrl: string,
    /** Where each output line goes (stdout by default). */
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  /** Pid of the running incarnation, if any. */
  get pid(): number | undefined {
    const child = this.child;
    return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  /** Spawns `node <main>` with the app's environment; `onExit` fires once when it ends. */
  start(onExit: (exit: ProcessExit) => void): void {
    const child = spawn(process.execPath, ['--enable-source-maps', this.main], {
      cwd: workspaceRoot(),
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) =>
        this.write(`${this.name.padEnd(11)}| ${line}\n`),
      );
    }
    let reported = false;
    const report = (exit: ProcessExit): void => {
      if (reported) return;
      reported = true;
      onExit(exit);
    };
    child.once('exit', (code, signal) => report({ code, signal }));
    child.once('error', (error) => {
      this.write(`${this.name.padEnd(11)}| could not start: ${error.message}\n`);
      report({ code: null, signal: null });
    });
  }

  /** Resolves once `GET healthUrl` answers 200. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await waitFor(async () => (await fetch(this.healthUrl)).ok, {
      timeoutMs,
      intervalMs: 300,
      description: `${this.name} ready (${this.healthUrl})`,
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
