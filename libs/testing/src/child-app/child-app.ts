import {
  parsePrometheusText,
  sampleValue,
  type PrometheusMetricFamily,
} from '@sibyl/observability/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { workspaceRoot } from '../infra/workspace-root';
import { waitFor } from '../wait-for';

/** How a {@link ChildApp} ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Options of {@link ChildApp}. */
export interface ChildAppOptions {
  /** Shown in failure messages, e.g. `predictor-a`. */
  name: string;
  /** Built entry point relative to the workspace root, e.g. `dist/apps/predictor/main.js`. */
  script: string;
  /** Environment on top of the test process's own (PATH etc.). */
  env: Record<string, string>;
  /** HTTP port the app listens on (its health and metrics). */
  port: number;
  /** API key sent with {@link ChildApp.metrics} (`/metrics` needs the `metrics` scope). */
  apiKey?: string;
  /** Also append the app's output to this file (absolute, or relative to the workspace root), kept as a test artifact. */
  logFile?: string;
}

/** Resolves a TCP port that was free a moment ago on 127.0.0.1. */
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
 * A built Sibyl app (`node dist/apps/<app>/main.js`) started as a child process by a test, with its output kept
 * for failure messages and its HTTP health/metrics at hand.
 */
export class ChildApp {
  readonly exited: Promise<ChildExit>;
  private readonly child: ChildProcess;
  private output = '';
  private readonly logStream: WriteStream | undefined;

  constructor(readonly options: ChildAppOptions) {
    const root = workspaceRoot();
    const script = resolve(root, options.script);
    if (!existsSync(script)) {
      throw new Error(
        `${script} does not exist: build it first (the apps' e2e targets build what they start)`,
      );
    }
    const { MONGODB_URI: _m, RABBITMQ_URL: _r, AMQP_NAMESPACE: _n, ...inherited } = process.env;
    this.child = spawn(process.execPath, [script], {
      cwd: root,
      env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (options.logFile) {
      const file = resolve(root, options.logFile);
      mkdirSync(dirname(file), { recursive: true });
      this.logStream = createWriteStream(file, { flags: 'a' });
    }
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-64_000);
      this.logStream?.write(chunk);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((settle) =>
      this.child.once('exit', (code, signal) => settle({ code, signal })),
    );
    void this.exited.then(() => this.logStream?.end());
  }

  /**
   * Starts the app and waits until `GET path` answers 200 (default `/health/ready`); an app that
   * does not get there is killed before the error is thrown, so no test leaves it running.
   */
  static async start(options: ChildAppOptions, path = '/health/ready'): Promise<ChildApp> {
    const app = new ChildApp(options);
    try {
      await app.waitUntilHealthy(path);
    } catch (error) {
      await app.stop('SIGKILL', 5_000);
      throw error;
    }
    return app;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last 64 KB of the app's stdout and stderr. */
  get log(): string {
    return this.output;
  }

  /** True until the process has exited. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Waits until `GET path` answers 200 (default `/health/ready`); fails as soon as the process exits
   * (with its output), not at the timeout.
   */
  async waitUntilHealthy(path = '/health/ready', timeoutMs = 60_000): Promise<void> {
    let over = false; // once the race is decided, the poll ends at its next attempt
    const exited = new Promise<never>((_, reject) => {
      const onExit = (): void => reject(new Error(`${this.options.name} exited:\n${this.log}`));
      // 'close', not 'exit': its output is complete then
      if (this.running) this.child.once('close', onExit);
      else onExit();
    });
    exited.catch(() => undefined); // the race below reports it
    const healthy = waitFor(
      async () => over || (this.running && (await fetch(this.url + path)).ok),
      { timeoutMs, intervalMs: 200, description: `${this.options.name} ${path}` },
    );
    try {
      await Promise.race([healthy, exited]);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n--- ${this.options.name} output ---\n${this.log}`,
      );
    } finally {
      over = true;
    }
  }

  /** Scrapes and parses `/metrics`. */
  async metrics(): Promise<PrometheusMetricFamily[]> {
    const response = await fetch(`${this.url}/metrics`, {
      headers: this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {},
    });
    if (!response.ok) throw new Error(`${this.options.name} /metrics answered ${response.status}`);
    return parsePrometheusText(await response.text());
  }

  /** Sum of the samples of one metric (0 when not exported yet). */
  async metric(sampleName: string, labels: Record<string, string> = {}): Promise<number> {
    return sampleValue(await this.metrics(), sampleName, labels) ?? 0;
  }

  /** Sends a signal; resolves how the process ended (SIGKILL after `timeoutMs` if it has not). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<ChildExit> {
    if (this.running) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
