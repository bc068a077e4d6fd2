import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '@sibyl/testing';
import { AppProcess } from './app-process';

/** How to spawn a local Sibyl stack for a load run. */
export interface StackOptions {
  /** Workspace root: cwd of the apps, base of `distDir` and relative paths. */
  root: string;
  /** Folder holding `gateway/main.js` and `predictor/main.js`. */
  distDir: string;
  predictors: number;
  /** Gateway processes (default 1), e.g. 2 to measure scaling out; the load is spread over them. */
  gateways?: number;
  /** First gateway's port, +1 per gateway; 0 = free ports. */
  gatewayPort: number;
  /** First predictor's health/metrics port, +1 per predictor; 0 = free ports. */
  predictorPort: number;
  namespace: string;
  mongoUri: string;
  rabbitUrl: string;
  modelPath?: string;
  batchSize?: number;
  batchWaitMs?: number;
  prefetch?: number;
  /** Gateway `HTTP_ADAPTER` (express | fastify). */
  httpAdapter?: string;
  logLevel: string;
  /** Folder for the apps' logs (and profiles). */
  runDir: string;
  /** Write V8 CPU profiles of every app into `<runDir>/profiles`. */
  cpuProfile: boolean;
  /** Extra environment for every app (e.g. `RABBITMQ_MANAGEMENT_URL=`). */
  extraEnv?: Record<string, string>;
  /** Give up waiting for readiness after this long. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

/** A running stack: its URLs and processes. */
export interface SibylStack {
  /** The first gateway's URL. */
  gatewayUrl: string;
  /** Every gateway's URL (`gateway`, `gateway-2`, …). */
  gatewayUrls: string[];
  predictorUrls: string[];
  processes: AppProcess[];
  profileDir: string | null;
  /** Stops every app (predictors first, then the gateways). */
  stop(): Promise<void>;
}

/**
 * Starts the gateways (one by default) and N predictors from the built apps on a unique namespace and
 * database (given in the options), waits until each answers `/health/ready`, and
 * returns their URLs. On any start-up failure everything started is stopped.
 */
export async function startSibylStack(options: StackOptions): Promise<SibylStack> {
  const log = options.log ?? (() => undefined);
  const dist = resolve(options.root, options.distDir);
  for (const app of ['gateway', 'predictor']) {
    const entry = join(dist, app, 'main.js');
    if (!existsSync(entry))
      throw new Error(`${entry} not found: build first with \`npx nx build gateway predictor\``);
  }
  mkdirSync(options.runDir, { recursive: true });
  const profileDir = options.cpuProfile ? join(options.runDir, 'profiles') : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const nodeFlags = (name: string): string[] =>
    profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
      : [];
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    RABBITMQ_URL: options.rabbitUrl,
    MONGODB_URI: options.mongoUri,
    AMQP_NAMESPACE: options.namespace,
    LOG_LEVEL: options.logLevel,
    NODE_ENV: 'production',
    ...options.extraEnv,
  };
  const processes: AppProcess[] = [];
  /** Starts one built app with the common settings plus `env`, logging to `<name>.log`. */
  const startApp = (name: string, app: string, env: NodeJS.ProcessEnv): AppProcess => {
    const child = AppProcess.start({
      name,
      entry: join(dist, app, 'main.js'),
      cwd: options.root,
      logFile: join(options.runDir, `${name}.log`),
      nodeFlags: nodeFlags(name),
      env: { ...common, ...env },
    });
    processes.push(child);
    return child;
  };
  const isGateway = (p: AppProcess): boolean => p.name.startsWith('gateway');
  const stopAll = async (): Promise<void> => {
    await Promise.all(processes.filter((p) => !isGateway(p)).map((p) => p.stop()));
    await Promise.all(processes.filter(isGateway).map((p) => p.stop()));
  };
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  try {
    const gatewayUrls: string[] = [];
    for (let i = 0; i < (options.gateways ?? 1); i++) {
      const port = options.gatewayPort ? options.gatewayPort + i : await freePort();
      const name = i === 0 ? 'gateway' : `gateway-${i + 1}`;
      const gateway = startApp(name, 'gateway', {
        GATEWAY_PORT: String(port),
        GATEWAY_HOST: '127.0.0.1',
        ...(options.httpAdapter ? { HTTP_ADAPTER: options.httpAdapter } : {}),
      });
      gatewayUrls.push(`http://127.0.0.1:${port}`);
      log(
        `${name} pid ${gateway.pid} on ${gatewayUrls[i]}${options.httpAdapter ? ` (${options.httpAdapter})` : ''}`,
      );
      // A gateway declares the topology first; predictors then attach to it.
      await gateway.waitReady(`${gatewayUrls[i]}/health/ready`, readyTimeoutMs);
    }
    const predictorUrls: string[] = [];
    for (let i = 0; i < options.predictors; i++) {
      const port = options.predictorPort ? options.predictorPort + i : await freePort();
      const name = `predictor-${i + 1}`;
      const predictor = startApp(name, 'predictor', {
        PREDICTOR_PORT: String(port),
        PREDICTOR_HOST: '127.0.0.1',
        ...(options.modelPath ? { MODEL_PATH: options.modelPath } : {}),
        ...(options.batchSize !== undefined ? { BATCH_MAX_SIZE: String(options.batchSize) } : {}),
        ...(options.batchWaitMs !== undefined
          ? { BATCH_MAX_WAIT_MS: String(options.batchWaitMs) }
          : {}),
        ...(options.prefetch !== undefined ? { PREFETCH: String(options.prefetch) } : {}),
      });
      predictorUrls.push(`http://127.0.0.1:${port}`);
      log(`${name} pid ${predictor.pid} on port ${port}`);
    }
    await Promise.all(
      processes
        .filter((p) => !isGateway(p))
        .map((p, i) => p.waitReady(`${predictorUrls[i]}/health/ready`, readyTimeoutMs)),
    );
    return {
      gatewayUrl: gatewayUrls[0],
      gatewayUrls,
      predictorUrls,
      processes,
      profileDir,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
