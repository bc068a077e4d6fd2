import { assertPredictionTopology } from '@sibyl/amqp';
import { createTestApiKey } from '@sibyl/auth/testing';
import { deletePredictionTopology } from '@sibyl/amqp/testing';
import {
  encodePredictionRequestedV1,
  messagingNames,
  MessagingNames,
  PredictionRequestedV1,
  PredictionStatus,
} from '@sibyl/contracts';
import {
  PredictionRecord,
  PredictionRecordSchema,
  PredictionResultRecord,
  PredictionResultSchema,
} from '@sibyl/persistence';
import {
  ChildApp,
  DEFAULT_RABBITMQ_URL,
  endpointOf,
  freePort,
  TcpProxy,
  uniqueMongoUri,
  uniqueNamespace,
  waitFor,
} from '@sibyl/testing';
import { ChannelModel, ConfirmChannel, connect, GetMessage, Options } from 'amqplib';
import mongoose, { Connection, Model } from 'mongoose';
import { randomUUID } from 'node:crypto';

import { resolveTestModel, TestModel } from './test-model';

/** A stored result as the tests read it back. */
export type StoredRecord = PredictionResultRecord;

/**
 * Everything one e2e file needs, isolated from every other test: a unique broker namespace (its own queues and
 * exchanges on the shared RabbitMQ), a unique database, a publishing channel, and the built predictor processes
 * it started. {@link dispose} removes all of it.
 */
export class PredictionFixture {
  readonly apps: ChildApp[] = [];
  private key?: Promise<string>;

  private constructor(
    readonly namespace: string,
    readonly names: MessagingNames,
    readonly rabbitUrl: string,
    readonly mongoUri: string,
    readonly db: Connection,
    readonly records: Model<PredictionRecord>,
    readonly results: Model<PredictionResultRecord>,
    private readonly amqp: ChannelModel,
    readonly channel: ConfirmChannel,
    readonly model: TestModel,
  ) {}

  /** Creates the namespace (topology declared up front), the database and the model file. */
  static async create(prefix: string): Promise<PredictionFixture> {
    const namespace = uniqueNamespace(prefix);
    const names = messagingNames(namespace);
    const rabbitUrl = process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;
    const mongoUri = uniqueMongoUri();
    const model = await resolveTestModel();
    const db = await mongoose
      .createConnection(mongoUri, { serverSelectionTimeoutMS: 10_000 })
      .asPromise();
    const records = db.model<PredictionRecord>(PredictionRecord.name, PredictionRecordSchema);
    await records.init();
    const results = db.model<PredictionResultRecord>(
      PredictionResultRecord.name,
      PredictionResultSchema,
    );
    await results.init();
    const amqp = await connect(rabbitUrl);
    const channel = await amqp.createConfirmChannel();
    await assertPredictionTopology(channel, names, { deliveryLimit: 5 });
    return new PredictionFixture(
      namespace,
      names,
      rabbitUrl,
      mongoUri,
      db,
      records,
      results,
      amqp,
      channel,
      model,
    );
  }

  /** Environment of a predictor (or gateway) bound to this fixture's namespace and database. */
  env(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      RABBITMQ_URL: this.rabbitUrl,
      MONGODB_URI: this.mongoUri,
      AMQP_NAMESPACE: this.namespace,
      MODEL_PATH: this.model.path,
      LOG_LEVEL: 'log',
      ...overrides,
    };
  }

  /**
   * An API key with every scope and no practical rate limit, created once in this fixture's
   * database (where its gateway and predictors verify keys).
   */
  apiKey(): Promise<string> {
    this.key ??= createTestApiKey(this.mongoUri, { name: 'e2e', rateLimit: 1_000_000 }).then(
      (created) => created.key,
    );
    return this.key;
  }

  /** Where an app's output is kept: `test-artifacts/e2e/<namespace>/<name>.log` (git-ignored). */
  logFile(name: string): string {
    return `test-artifacts/e2e/${this.namespace}/${name}.log`;
  }

  /** Starts the built predictor with this fixture's settings and waits until it is ready. */
  async startPredictor(name = 'predictor', env: Record<string, string> = {}): Promise<ChildApp> {
    const port = await freePort();
    const app = await ChildApp.start({
      name,
      script: 'dist/apps/predictor/main.js',
      logFile: this.logFile(name),
      port,
      apiKey: await this.apiKey(),
      env: this.env({ PREDICTOR_HOST: '127.0.0.1', PREDICTOR_PORT: String(port), ...env }),
    });
    this.apps.push(app);
    return app;
  }

  /**
   * Starts the built gateway on this fixture's namespace and database (management API off, relay
   * republishing effectively off, unless overridden) and waits until it is ready.
   */
  async startGateway(env: Record<string, string> = {}): Promise<ChildApp> {
    const port = await freePort();
    const app = await ChildApp.start({
      name: 'gateway',
      script: 'dist/apps/gateway/main.js',
      logFile: this.logFile('gateway'),
      port,
      apiKey: await this.apiKey(),
      env: this.env({
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_PORT: String(port),
        RABBITMQ_MANAGEMENT_URL: '',
        OUTBOX_REPUBLISH_AFTER_MS: '600000',
        ...env,
      }),
    });
    this.apps.push(app);
    return app;
  }

  /**
   * A started {@link TcpProxy} in front of this fixture's database and the database URI through it (for
   * cutting or holding a predictor's database link); the caller stops it.
   */
  async databaseProxy(): Promise<{ proxy: TcpProxy; uri: string }> {
    const target = endpointOf(this.mongoUri, 27017);
    const proxy = new TcpProxy(target.host, target.port);
    await proxy.start();
    const uri = new URL(this.mongoUri);
    uri.host = proxy.address;
    return { proxy, uri: uri.toString() };
  }

  /** Stores request documents, as the gateway does, and returns their messages. */
  async insertQueued(texts: readonly string[]): Promise<PredictionRequestedV1[]> {
    const now = new Date();
    const messages = texts.map((text): PredictionRequestedV1 => ({
      v: 1,
      trackingId: randomUUID(),
      text,
      submittedAt: now.toISOString(),
      attempt: 1,
    }));
    await this.records.insertMany(
      messages.map((m) => ({
        _id: m.trackingId,
        text: m.text,
        submittedAt: now,
        publishAttempts: 1,
      })),
    );
    return messages;
  }

  /** Publishes a `prediction.requested.v1` like the gateway (exchange, routing key, properties), confirmed. */
  async publishRequested(message: PredictionRequestedV1): Promise<void> {
    this.channel.publish(
      this.names.requestsExchange,
      this.names.routingKey,
      encodePredictionRequestedV1(message),
      {
        persistent: true,
        messageId: message.trackingId,
        type: this.names.routingKey,
        contentType: 'application/json',
        timestamp: Math.floor(Date.now() / 1000),
      },
    );
    await this.channel.waitForConfirms();
  }

  /** Publishes any body straight to the requests queue (default exchange), confirmed. */
  async publishRaw(body: Buffer | string, properties: Options.Publish = {}): Promise<void> {
    this.channel.sendToQueue(this.names.requestsQueue, Buffer.from(body), {
      persistent: true,
      ...properties,
    });
    await this.channel.waitForConfirms();
  }

  /** Takes every message currently in the dead-letter queue. */
  async takeDeadLetters(): Promise<GetMessage[]> {
    const letters: GetMessage[] = [];
    for (;;) {
      const message = await this.channel.get(this.names.deadLetterQueue, { noAck: true });
      if (!message) return letters;
      letters.push(message);
    }
  }

  /** Messages ready in the requests queue (not delivered to a consumer). */
  async readyCount(): Promise<number> {
    return (await this.channel.checkQueue(this.names.requestsQueue)).messageCount;
  }

  /** Messages in a queue of the broker, or null when it does not exist (on a channel of its own). */
  async queueDepth(queue: string): Promise<number | null> {
    const channel = await this.amqp.createChannel();
    channel.on('error', () => undefined);
    try {
      return (await channel.checkQueue(queue)).messageCount;
    } catch {
      return null;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  /** Consumers on the requests queue. */
  async consumerCount(): Promise<number> {
    return (await this.channel.checkQueue(this.names.requestsQueue)).consumerCount;
  }

  /** The stored results, by request id. */
  async find(ids: readonly string[]): Promise<Map<string, StoredRecord>> {
    const docs = await this.results.find({ _id: { $in: ids } }).lean<StoredRecord[]>();
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  /** Number of results with the given status (all results of this test's database). */
  count(status: PredictionStatus): Promise<number> {
    return this.results.countDocuments({ status }).exec();
  }

  /** Waits until every given request has a result, and returns the results. */
  async waitFinished(
    ids: readonly string[],
    timeoutMs = 60_000,
  ): Promise<Map<string, StoredRecord>> {
    await waitFor(
      async () => (await this.results.countDocuments({ _id: { $in: ids } })) === ids.length,
      {
        timeoutMs,
        intervalMs: ids.length > 50 ? 2000 : 250,
        description: `${ids.length} requests to finish`,
      },
    );
    return this.find(ids);
  }

  /** Stops the apps (SIGKILL if needed), deletes the namespace's queues and exchanges and drops the database. */
  async dispose(): Promise<void> {
    await Promise.all(this.apps.map((app) => app.stop('SIGTERM', 15_000)));
    await this.amqp.close().catch(() => undefined);
    await deletePredictionTopology(this.rabbitUrl, this.names).catch(() => undefined);
    await this.db.dropDatabase().catch(() => undefined);
    await this.db.close().catch(() => undefined);
  }
}
