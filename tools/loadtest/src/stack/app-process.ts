import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, WriteStream } from 'node:fs';

/** How long one readiness request may take (ms). */
const READY_REQUEST_TIMEOUT_MS = 2_000;
/** Pause between readiness requests (ms). */
const READY_POLL_INTERVAL_MS = 250;

/** Options of {@link startAppProcess}. */
export interface AppProcessOptions {
  /** Display name: `gateway`, `predictor-1`, … */
  name: string;
  /** Built entry point, e.g. `dist/apps/gateway/main.js`. */
  entry: string;
  /** Complete environment of the child. */
  env: NodeJS.ProcessEnv;
  /** Working directory (the workspace root, so relative MODEL_PATH works). */
  cwd: string;
  /** stdout + stderr go here. */
  logFile: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
}

/** A spawned Sibyl app. */
export class AppProcess {
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    private readonly log: WriteStream,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        resolve();
      }),
    );
  }

  /** Spawns `node [flags] entry` with the given environment, logging to a file. */
  static start(options: AppProcessOptions): AppProcess {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.entry], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    return new AppProcess(options.name, child, log, options.logFile);
  }

  /** Operating-system pid. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** True once the process has exited. */
  get hasExited(): boolean {
    return this.exitCode !== undefined;
  }

  /** Polls `url` until it answers 200; throws when the process dies or `timeoutMs` passes. */
  async waitReady(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (this.hasExited)
        throw new Error(`${this.name} exited during start-up; log tail:\n${this.logTail()}`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(READY_REQUEST_TIMEOUT_MS) });
        if (res.status === 200) return;
        last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_INTERVAL_MS));
    }
    throw new Error(
      `${this.name} not ready at ${url} after ${timeoutMs} ms (${last}); log tail:\n${this.logTail()}`,
    );
  }

  /** Last lines of its log, for error messages. */
  logTail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /**
   * Stops it gracefully: SIGTERM (the apps drain and close; `--cpu-prof` writes its
   * profile on a normal exit), then SIGKILL after `graceMs`.
   */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.hasExited) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}
