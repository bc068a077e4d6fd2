// `npm run models -- shadow` end to end: the real CLI against a fresh database of the shared
// FerretDB and a namespaced queue of the real RabbitMQ, with two tiny real models registered here.
// The predictors' side (mirroring, agreement) is covered by apps/predictor/test/model/shadow.
import { deletePredictionTopology } from '@sibyl/amqp/testing';
import {
  assertShadowQueue,
  shadowQueueArguments,
  DEFAULT_SHADOW_QUEUE_MAX_LENGTH,
} from '@sibyl/amqp';
import { messagingNames } from '@sibyl/contracts';
import { trainTinyModel } from '@sibyl/model/testing';
import {
  ModelRegistry,
  SHADOW_RUNS_COLLECTION,
  type ModelRecord,
  type ShadowReport,
  type ShadowRun,
} from '@sibyl/registry';
import {
  DEFAULT_MONGODB_URI,
  DEFAULT_RABBITMQ_URL,
  runCli,
  uniqueMongoUri,
  uniqueNamespace,
  type CliRun,
} from '@sibyl/testing';
import { connect, type ChannelModel } from 'amqplib';
import mongoose from 'mongoose';

const RABBITMQ_URL = process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;
/** A port of this suite's range where nothing listens: the CLI's broker connection is refused. */
const UNREACHABLE_BROKER_URL = 'amqp://guest:guest@127.0.0.1:41198';

describe('npm run models -- shadow (real database and broker)', () => {
  const uri = uniqueMongoUri(process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI);
  const namespace = uniqueNamespace('h11shadow-cli');
  const names = messagingNames(namespace);
  let client: mongoose.mongo.MongoClient;
  let registry: ModelRegistry;
  let broker: ChannelModel;
  let live: string;
  let candidate: string;

  function models(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
    return runCli('tools/models/src/main.ts', [...args, '--actor', 'e2e-operator'], {
      MONGODB_URI: uri,
      RABBITMQ_URL,
      AMQP_NAMESPACE: namespace,
      ...env,
    });
  }

  /** Whether the namespace's shadow queue exists, with its arguments when it does. */
  async function shadowQueueExists(): Promise<boolean> {
    const channel = await broker.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.checkQueue(names.shadowQueue);
      await channel.close();
      return true;
    } catch {
      return false;
    }
  }

  /** Whether `exchange` exists on the broker (passive check). */
  async function exchangeExists(exchange: string): Promise<boolean> {
    const channel = await broker.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.checkExchange(exchange);
      await channel.close();
      return true;
    } catch {
      return false;
    }
  }

  beforeAll(async () => {
    client = await mongoose.mongo.MongoClient.connect(uri);
    registry = new ModelRegistry(client.db());
    const [a, b] = await Promise.all([
      trainTinyModel(),
      trainTinyModel({ pairStages: [['sv', 'de']] }),
    ]);
    const add = async (bytes: Buffer, accuracy: number) =>
      (
        await registry.add(bytes, {
          provenance: { corpusHash: 'tiny', options: {}, commit: 'test' },
          metrics: { heldOutAccuracy: accuracy, macroF1: accuracy, perLanguageF1: {} },
          actor: 'e2e',
        })
      )._id;
    live = await add(a.identifier.toBuffer(), 0.9);
    candidate = await add(b.identifier.toBuffer(), 0.91);
    broker = await connect(RABBITMQ_URL);
  }, 120_000);

  afterAll(async () => {
    await broker?.close();
    await deletePredictionTopology(RABBITMQ_URL, names);
    await client?.db().dropDatabase();
    await client?.close();
  });

  it('refuses to start without a live model to compare with', async () => {
    const run = await models(['shadow', candidate]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no model is live');
    expect(await shadowQueueExists()).toBe(false);
  });

  it('--stop with no run active declares nothing, and deletes a leftover shadow queue', async () => {
    const none = await models(['shadow', '--stop']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no shadow run is active');
    expect(none.stderr).not.toContain('leftover');
    expect(await shadowQueueExists()).toBe(false);
    expect(await exchangeExists(names.requestsExchange)).toBe(false);
    const named = await models(['shadow', candidate, '--stop']);
    expect(named.code).toBe(1);
    expect(await shadowQueueExists()).toBe(false);

    // a queue left behind by a run whose stop could not delete it keeps collecting copies
    const channel = await broker.createConfirmChannel();
    await assertShadowQueue(channel, names, 5);
    channel.publish(names.requestsExchange, names.routingKey, Buffer.from('{}'));
    await channel.waitForConfirms();
    await channel.close();
    const cleaned = await models(['shadow', '--stop', '--json']);
    expect(cleaned.code).toBe(1);
    expect(JSON.parse(cleaned.stdout)).toEqual({
      stopped: false,
      leftoverQueueDeleted: { messages: 1 },
    });
    expect(cleaned.stderr).toContain('deleted a leftover shadow queue');
    expect(await shadowQueueExists()).toBe(false);
    await deletePredictionTopology(RABBITMQ_URL, names);
  });

  it('starts one run at a time, declares the length-limited queue, shows status, stops with a report', async () => {
    await registry.promote(live, { actor: 'e2e' });
    const started = await models(['shadow', candidate, '--sample', '0.5', '--max', '20', '--json']);
    expect(started.code).toBe(0);
    const { run } = JSON.parse(started.stdout) as { run: ShadowRun };
    expect(run).toMatchObject({ version: candidate, liveVersion: live, sample: 0.5, max: 20 });
    expect(run.queueMaxLength).toBe(DEFAULT_SHADOW_QUEUE_MAX_LENGTH);
    expect(await shadowQueueExists()).toBe(true);
    // the queue's arguments are the shared ones: declaring it so again is accepted
    const channel = await broker.createChannel();
    await channel.assertQueue(names.shadowQueue, {
      durable: true,
      arguments: shadowQueueArguments(DEFAULT_SHADOW_QUEUE_MAX_LENGTH),
    });
    await channel.close();

    const second = await models(['shadow', candidate]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`a shadow run of ${candidate} is active`);
    const liveShadow = await models(['shadow', live]);
    expect(liveShadow.code).toBe(1);

    const status = await models(['shadow', '--status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`shadow run ${run.runId} of ${candidate}`);
    expect(status.stdout).toContain('running');

    const wrong = await models(['shadow', live, '--stop']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`the active shadow run is of ${candidate}`);

    const stopped = await models(['shadow', '--stop', '--json']);
    expect(stopped.code).toBe(0);
    const body = JSON.parse(stopped.stdout) as { stopped: boolean; report: ShadowReport };
    expect(body.report).toMatchObject({
      runId: run.runId,
      liveVersion: live,
      predictions: 0,
      compared: 0,
      stopReason: 'stopped by e2e-operator',
    });
    expect(await shadowQueueExists()).toBe(false);
    const record = (await registry.getOrThrow(candidate)) as ModelRecord;
    expect(record.shadow).toMatchObject({ runId: run.runId, compared: 0 });
    expect(record.changelog.at(-1)).toMatchObject({
      action: 'shadow',
      actor: 'e2e-operator',
      reason: 'stopped by e2e-operator',
    });
    const shown = await models(['show', candidate]);
    expect(shown.stdout).toContain(`shadow vs ${live}: 0/0 agree`);
    expect(
      await client
        .db()
        .collection(SHADOW_RUNS_COLLECTION)
        .findOne({ _id: run.runId as never }),
    ).toMatchObject({ stopReason: 'stopped by e2e-operator' });

    const again = await models(['shadow', '--stop']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no shadow run is active');
  });

  it('does not start a run whose queue cannot be declared (broker unreachable)', async () => {
    const run = await models(['shadow', candidate], { RABBITMQ_URL: UNREACHABLE_BROKER_URL });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the shadow run was not started');
    expect((await models(['shadow', '--status'])).stdout).toContain('no shadow run is active');
  });

  it('refuses a bad sample or max as usage errors', async () => {
    expect((await models(['shadow', candidate, '--sample', 'lots'])).code).toBe(2);
    const zero = await models(['shadow', candidate, '--sample', '0']);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('the sample must be a fraction in (0, 1]');
  });
});
