import { AppProcess, AppProcessOptions } from '@sibyl/loadtest';
import { freePort } from '@sibyl/testing';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One app of the stack: how to (re)start it and where it serves. */
export interface StackApp {
  name: string;
  kind: 'gateway' | 'predictor';
  url: string;
  options: AppProcessOptions;
  process: AppProcess;
}

/** How a {@link ChaosStack} is wired. */
export interface ChaosStackOptions {
  root: string;
  distDir: string;
  runDir: string;
  namespace: string;
  /** Broker URL of every app (a proxy in front of the broker). */
  rabbitUrl: string;
  /** Database URI of the gateways. */
  gatewayMongoUri: string;
  /** Database URI of the predictors (through their own proxy, for predictor-only partitions). */
  predictorMongoUri: string;
  modelPath: string;
  predictors: number;
  /** Per gateway: extra environment (e.g. a clock offset); one entry per gateway. */
  gateways: Record<string, string>[];
  /** `node --require` this file into every gateway (the clock-offset hook). */
  gatewayPreload?: string;
  readyTimeoutMs: number;
  log: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The system under test of one scenario: N gateways and M predictors spawned from the built
 * apps on one namespace and database. Acts as the orchestrator too: a scenario kills an app
 * and asks the stack to restart it, as Kubernetes would.
 */
export class ChaosStack {
  readonly apps: StackApp[] = [];

  constructor(private readonly options: ChaosStackOptions) {}

  /** Starts the gateways, then the predictors, and waits until each is ready. */
  async start(): Promise<void> {
    const o = this.options;
    const dist = resolve(o.root, o.distDir);
    for (const app of ['gateway', 'predictor']) {
      if (!existsSync(join(dist, app, 'main.js')))
        throw new Error(
          `${join(dist, app, 'main.js')} not found: run \`npx nx build gateway predictor\``,
        );
    }
    mkdirSync(o.runDir, { recursive: true });
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      RABBITMQ_URL: o.rabbitUrl,
      AMQP_NAMESPACE: o.namespace,
      RABBITMQ_MANAGEMENT_URL: '',
      LOG_LEVEL: 'log',
      NODE_ENV: 'production',
    };
    for (const [i, extra] of o.gateways.entries()) {
      const port = await freePort();
      const name = o.gateways.length === 1 ? 'gateway' : `gateway-${i + 1}`;
      this.add(name, 'gateway', port, {
        name,
        entry: join(dist, 'gateway/main.js'),
        cwd: o.root,
        logFile: join(o.runDir, `${name}.log`),
        nodeFlags: o.gatewayPreload ? ['--require', o.gatewayPreload] : [],
        env: {
          ...common,
          MONGODB_URI: o.gatewayMongoUri,
          GATEWAY_PORT: String(port),
          GATEWAY_HOST: '127.0.0.1',
          ...extra,
        },
      });
    }
    await Promise.all(this.apps.map((app) => this.waitReady(app)));
    for (let i = 0; i < o.predictors; i++) {
      const port = await freePort();
      const name = `predictor-${i + 1}`;
      this.add(name, 'predictor', port, {
        name,
        entry: join(dist, 'predictor/main.js'),
        cwd: o.root,
        logFile: join(o.runDir, `${name}.log`),
        env: {
          ...common,
          MONGODB_URI: o.predictorMongoUri,
          PREDICTOR_PORT: String(port),
          PREDICTOR_HOST: '127.0.0.1',
          MODEL_PATH: o.modelPath,
        },
      });
    }
    await Promise.all(this.apps.map((app) => this.waitReady(app)));
  }

  /** The app called `name`. */
  app(name: string): StackApp {
    const app = this.apps.find((a) => a.name === name);
    if (!app) throw new Error(`no app ${name} in the stack`);
    return app;
  }

  /** URLs of the gateways. */
  get gatewayUrls(): string[] {
    return this.apps.filter((a) => a.kind === 'gateway').map((a) => a.url);
  }

  /** Sends `signal` to the app's process; resolves once it has exited (SIGKILL, SIGTERM). */
  async kill(name: string, signal: NodeJS.Signals): Promise<void> {
    const app = this.app(name);
    process.kill(app.process.pid, signal);
    const deadline = Date.now() + 60_000;
    while (!app.process.hasExited && Date.now() < deadline) await sleep(50);
    if (!app.process.hasExited) throw new Error(`${name} still running 60 s after ${signal}`);
  }

  /** Starts a stopped app again (same port, same log file), as an orchestrator would. */
  async restart(name: string): Promise<void> {
    const app = this.app(name);
    if (!app.process.hasExited) throw new Error(`${name} is still running`);
    app.process = AppProcess.start(app.options);
    this.options.log(`${name} restarted (pid ${app.process.pid})`);
    await this.waitReady(app);
  }

  /** Pids of the running apps by name. */
  pids(): { name: string; pid: number }[] {
    return this.apps
      .filter((a) => !a.process.hasExited)
      .map((a) => ({ name: a.name, pid: a.process.pid }));
  }

  /** Stops every app (predictors first). */
  async stop(): Promise<void> {
    const byKind = (kind: StackApp['kind']) => this.apps.filter((a) => a.kind === kind);
    await Promise.all(byKind('predictor').map((a) => a.process.stop()));
    await Promise.all(byKind('gateway').map((a) => a.process.stop()));
  }

  private add(
    name: string,
    kind: StackApp['kind'],
    port: number,
    options: AppProcessOptions,
  ): void {
    const process = AppProcess.start(options);
    this.apps.push({ name, kind, url: `http://127.0.0.1:${port}`, options, process });
    this.options.log(`${name} pid ${process.pid} on port ${port}`);
  }

  private waitReady(app: StackApp): Promise<void> {
    return app.process.waitReady(`${app.url}/health/ready`, this.options.readyTimeoutMs);
  }
}
