import { deletePredictionTopology } from '@sibyl/amqp/testing';
import { createTestApiKey } from '@sibyl/auth/testing';
import { messagingNames } from '@sibyl/contracts';
import {
  ChildApp,
  DEFAULT_RABBITMQ_URL,
  dropTestDatabase,
  freePort,
  uniqueMongoUri,
  uniqueNamespace,
  workspaceRoot,
} from '@sibyl/testing';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FuzzTarget } from './fuzz-run';

/**
 * The built gateway as a child process on a free port, against the real RabbitMQ and database, on its own
 * AMQP namespace and database (removed at the end), with two real API keys (fuzz, canary). Long polls are
 * capped at 1 s so random waits stay short.
 */
export class FuzzGatewayStack {
  readonly namespace = uniqueNamespace('fuzz');
  readonly mongoUri = uniqueMongoUri();
  readonly rabbitUrl = process.env['RABBITMQ_URL'] || DEFAULT_RABBITMQ_URL;
  gateway!: ChildApp;
  /** The key the fuzz requests may carry (every scope). */
  apiKey?: string;
  /** The canary's own key (its own token bucket, so the fuzz cannot starve it). */
  canaryKey?: string;

  constructor(private readonly logDir: string) {}

  /** Starts the gateway and waits until it is ready. */
  async start(): Promise<void> {
    const root = workspaceRoot();
    if (!existsSync(join(root, 'dist/apps/gateway/main.js')))
      throw new Error('dist/apps/gateway/main.js missing: build it first (npx nx build gateway)');
    mkdirSync(this.logDir, { recursive: true });
    const port = await freePort();
    this.apiKey = (await createTestApiKey(this.mongoUri, { name: 'fuzz' })).key;
    this.canaryKey = (await createTestApiKey(this.mongoUri, { name: 'fuzz-canary' })).key;
    this.gateway = await ChildApp.start({
      name: 'gateway',
      script: 'dist/apps/gateway/main.js',
      env: {
        RABBITMQ_URL: this.rabbitUrl,
        MONGODB_URI: this.mongoUri,
        AMQP_NAMESPACE: this.namespace,
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_PORT: String(port),
        MAX_WAIT_MS: '1000',
        LOG_LEVEL: 'warn',
      },
      port,
      logFile: join(this.logDir, 'gateway.log'),
    });
  }

  /** The started gateway as the target of a fuzz run. */
  target(): FuzzTarget {
    return {
      baseUrl: this.gateway.url,
      pid: this.gateway.pid ?? -1,
      apiKey: this.apiKey,
      canaryKey: this.canaryKey,
      isRunning: () => this.gateway.running,
    };
  }

  /** Stops the gateway; removes the topology and the database. */
  async stop(): Promise<void> {
    await this.gateway?.stop('SIGTERM', 15_000);
    await deletePredictionTopology(this.rabbitUrl, messagingNames(this.namespace)).then(
      (left) =>
        left.forEach((note) => process.stderr.write(`[fuzz] left on the broker: ${note}\n`)),
      (error: Error) =>
        process.stderr.write(`[fuzz] could not delete the topology: ${error.message}\n`),
    );
    await dropTestDatabase(this.mongoUri);
  }
}
