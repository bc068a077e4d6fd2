import { deletePredictionTopology } from '@sibyl/amqp/testing';
import { createTestApiKey, TestApiKeyOptions } from '@sibyl/auth/testing';
import { deadline, messagingNames } from '@sibyl/contracts';
import {
  ChildApp,
  ChildAppOptions,
  DEFAULT_RABBITMQ_URL,
  dropTestDatabase,
  freePort,
  uniqueMongoUri,
  uniqueNamespace,
  workspaceRoot,
} from '@sibyl/testing';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Options of {@link SibylStack.start}. */
export interface SibylStackOptions {
  backlogAlertThreshold: number;
  sampleIntervalMs: number;
}

/** The dashboard login the e2e stack configures (DASHBOARD_USER / DASHBOARD_PASSWORD). */
export const DASHBOARD_LOGIN = { user: 'e2e-operator', password: 'e2e-password-not-secret' };

/**
 * The built gateway, one predictor and the dashboard as child processes on free ports, against the real RabbitMQ
 * and FerretDB, isolated by a unique AMQP namespace and database.
 */
export class SibylStack {
  /** @param logDir where `<service>.log` files are written (appended to across restarts). */
  constructor(private readonly logDir: string) {}

  readonly namespace = uniqueNamespace('dashboard-e2e');
  readonly mongoUri = uniqueMongoUri();
  readonly rabbitUrl = process.env['RABBITMQ_URL'] || DEFAULT_RABBITMQ_URL;
  gateway!: ChildApp;
  predictor!: ChildApp;
  dashboard!: ChildApp;
  private predictorOptions!: ChildAppOptions;
  gatewayUrl = '';
  predictorMetricsUrl = '';
  dashboardUrl = '';
  /** The dashboard server's own gateway key (DASHBOARD_API_KEY, predict+read+admin): must never reach the browser. */
  dashboardApiKey = '';
  /** Every scope: the tests' own traffic (load, scrapes) and the admin-key login. */
  adminKey = '';
  /** `read` only: may not log in to the dashboard. */
  readKey = '';
  /** `metrics` only: what Prometheus holds. */
  metricsKey = '';

  /** Starts the three services, in dependency order. */
  async start(options: SibylStackOptions): Promise<void> {
    const root = workspaceRoot();
    // The real artifact (the test runner trains it first); MODEL_PATH may point elsewhere for a local run.
    const modelPath = resolve(root, process.env['MODEL_PATH'] || 'models/langid/langid.model');
    for (const app of ['gateway', 'predictor', 'dashboard']) {
      if (!existsSync(join(root, `dist/apps/${app}/main.js`)))
        throw new Error(`dist/apps/${app}/main.js missing: build it first (nx e2e dashboard does)`);
    }
    if (!existsSync(modelPath))
      throw new Error(`${modelPath} missing: train it with \`npm run langid -- train\``);
    const [gatewayPort, predictorPort, dashboardPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
    ]);
    const common = {
      RABBITMQ_URL: this.rabbitUrl,
      MONGODB_URI: this.mongoUri,
      AMQP_NAMESPACE: this.namespace,
      LOG_LEVEL: 'warn',
    };
    this.gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    this.predictorMetricsUrl = `http://127.0.0.1:${predictorPort}/metrics`;
    this.dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
    this.predictorOptions = {
      name: 'predictor',
      script: 'dist/apps/predictor/main.js',
      env: {
        ...common,
        PREDICTOR_PORT: String(predictorPort),
        PREDICTOR_HOST: '127.0.0.1',
        MODEL_PATH: modelPath,
      },
      port: predictorPort,
      logFile: this.logFile('predictor'),
    };
    await this.createKeys();
    this.gateway = await ChildApp.start({
      name: 'gateway',
      script: 'dist/apps/gateway/main.js',
      // Not a rate-limit test: the load below must not be throttled.
      env: {
        ...common,
        GATEWAY_PORT: String(gatewayPort),
        GATEWAY_HOST: '127.0.0.1',
        RATE_LIMIT_PER_SECOND: '100000',
        RATE_LIMIT_BURST: '100000',
      },
      port: gatewayPort,
      logFile: this.logFile('gateway'),
    });
    await this.startPredictor();
    this.dashboard = await this.startDashboard(dashboardPort, {
      BACKLOG_ALERT_THRESHOLD: String(options.backlogAlertThreshold),
      SAMPLE_INTERVAL_MS: String(options.sampleIntervalMs),
    });
  }

  /**
   * Starts a dashboard on `port` against this stack's gateway and predictor, with the e2e login and key; `env`
   * adds or overrides settings (a second dashboard of a test uses its own port and log).
   */
  startDashboard(port: number, env: Record<string, string>, name = 'dashboard'): Promise<ChildApp> {
    return ChildApp.start({
      name,
      script: 'dist/apps/dashboard/main.js',
      env: {
        LOG_LEVEL: 'warn',
        DASHBOARD_PORT: String(port),
        DASHBOARD_HOST: '127.0.0.1',
        GATEWAY_URL: this.gatewayUrl,
        PREDICTOR_METRICS_URLS: this.predictorMetricsUrl,
        DASHBOARD_USER: DASHBOARD_LOGIN.user,
        DASHBOARD_PASSWORD: DASHBOARD_LOGIN.password,
        DASHBOARD_API_KEY: this.dashboardApiKey,
        ...env,
      },
      port,
      logFile: this.logFile(name),
    });
  }

  /** Real API keys in the stack's database (the gateway and the predictor verify them there). */
  private async createKeys(): Promise<void> {
    const create = async (name: string, scopes?: TestApiKeyOptions['scopes']) =>
      (await createTestApiKey(this.mongoUri, { name, scopes })).key;
    this.dashboardApiKey = await create('dashboard', ['predict', 'read', 'admin']);
    this.adminKey = await create('e2e-admin');
    this.readKey = await create('e2e-reader', ['read']);
    this.metricsKey = await create('e2e-prometheus', ['metrics']);
  }

  /** `Authorization` header of the admin key, for the tests' own requests to the gateway and predictor. */
  get adminHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.adminKey}` };
  }

  /** (Re)starts the predictor on its port, appending to its log, and waits until it is ready. */
  async startPredictor(): Promise<void> {
    this.predictor = await ChildApp.start(this.predictorOptions);
  }

  /**
   * Stops the services and removes the namespaced broker topology and the test database. Clean-up steps are
   * bounded in time and only reported when they fail, so a slow broker or database cannot hang the suite.
   */
  async stop(): Promise<void> {
    await Promise.all(
      [this.dashboard, this.predictor, this.gateway].map((app) => app?.stop('SIGTERM', 15_000)),
    );
    await Promise.all([
      bounded(
        'delete the broker topology',
        deletePredictionTopology(this.rabbitUrl, messagingNames(this.namespace)),
      ),
      bounded(
        'drop the test database',
        dropTestDatabase(this.mongoUri, { socketTimeoutMS: CLEANUP_TIMEOUT_MS }),
      ),
    ]);
  }

  private logFile(service: string): string {
    mkdirSync(this.logDir, { recursive: true });
    const file = join(this.logDir, `${service}.log`);
    writeFileSync(file, `# ${service} of namespace ${this.namespace}, database ${this.mongoUri}\n`);
    return file;
  }
}

/** Waits at most {@link CLEANUP_TIMEOUT_MS} for a clean-up step, reporting (not throwing) a failure. */
async function bounded(step: string, work: Promise<unknown>): Promise<void> {
  await deadline(
    work,
    CLEANUP_TIMEOUT_MS,
    () => new Error(`gave up after ${CLEANUP_TIMEOUT_MS} ms`),
  ).catch((error: Error) =>
    process.stderr.write(`[dashboard e2e] could not ${step}: ${error.message}\n`),
  );
}

const CLEANUP_TIMEOUT_MS = 20_000;
