// `npm run models` end to end: the real CLI against a fresh database of the shared FerretDB and a
// namespaced exchange of the real RabbitMQ, with the trained model and a small real model trained
// here (200 lines per language: clearly worse), so the gate has a worse and a better candidate.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deletePredictionTopology } from '@sibyl/amqp/testing';
import { messagingNames, parseModelPromotedV1, type ModelPromotedV1 } from '@sibyl/contracts';
import type { ModelRecord } from '@sibyl/registry';
import {
  DEFAULT_MONGODB_URI,
  DEFAULT_RABBITMQ_URL,
  runCli,
  uniqueMongoUri,
  uniqueNamespace,
  waitFor,
  workspaceRoot,
  type CliRun,
} from '@sibyl/testing';
import { connect, type ChannelModel } from 'amqplib';
import mongoose from 'mongoose';

const RABBITMQ_URL = process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;
const TRAINED_MODEL = join(workspaceRoot(), 'models/langid/langid.model');
/** A port of this suite's range where nothing listens: the CLI's broker connection is refused. */
const UNREACHABLE_BROKER_URL = 'amqp://guest:guest@127.0.0.1:41399';

describe('npm run models (real database and broker)', () => {
  const uri = uniqueMongoUri(process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI);
  const namespace = uniqueNamespace('h11a-models-cli');
  const names = messagingNames(namespace);
  const work = mkdtempSync(join(tmpdir(), 'sibyl-models-e2e-'));
  const smallModel = join(work, 'small.model');
  const events: ModelPromotedV1[] = [];
  let broker: ChannelModel;

  /** `npm run models -- …` against the test database and namespace. */
  function models(...args: string[]): Promise<CliRun> {
    return runCli('tools/models/src/main.ts', [...args, '--actor', 'e2e-operator'], {
      MONGODB_URI: uri,
      RABBITMQ_URL,
      AMQP_NAMESPACE: namespace,
      PROMOTION_MAX_ACCURACY_DROP: '0.002',
    });
  }

  /** Runs a command with --json and parses its stdout. */
  async function json<T>(...args: string[]): Promise<{ run: CliRun; body: T }> {
    const run = await models(...args, '--json');
    return { run, body: JSON.parse(run.stdout) as T };
  }

  beforeAll(async () => {
    const trained = await runCli('tools/langid-cli/src/main.ts', [
      'train',
      '--max-lines-per-lang',
      '200',
      '--no-pair-stages',
      '--threads',
      '1',
      '--output',
      smallModel,
    ]);
    expect(trained.code).toBe(0);
    broker = await connect(RABBITMQ_URL);
    const channel = await broker.createChannel();
    await channel.assertExchange(names.modelEventsExchange, 'fanout', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, names.modelEventsExchange, '');
    await channel.consume(queue, (message) => {
      const parsed = message && parseModelPromotedV1(message.content);
      if (parsed?.ok) events.push(parsed.value);
    });
  });

  afterAll(async () => {
    await broker?.close();
    await deletePredictionTopology(RABBITMQ_URL, names);
    const client = await mongoose.mongo.MongoClient.connect(uri);
    await client.db().dropDatabase();
    await client.close();
    rmSync(work, { recursive: true, force: true });
  });

  let small: ModelRecord;
  let full: ModelRecord;

  it('adds models evaluated on the held-out sets, once per content', async () => {
    const added = await json<{ added: boolean; record: ModelRecord }>(
      'add',
      smallModel,
      '--note',
      'small: 200 lines per language',
    );
    expect(added.run.code).toBe(0);
    small = added.body.record;
    expect(small.version).toMatch(/^langid-[0-9a-f]{12}$/);
    expect(small.status).toBe('candidate');
    expect(small.metrics.heldOutSamples).toBeGreaterThan(0);
    expect(small.metrics.udhrSentences?.n).toBeGreaterThan(0);
    expect(small.provenance.options).toEqual(
      expect.objectContaining({ training: expect.objectContaining({ maxLinesPerLanguage: 200 }) }),
    );
    expect(small.provenance.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(small.changelog[0]).toEqual(
      expect.objectContaining({
        action: 'added',
        actor: 'e2e-operator',
        reason: 'small: 200 lines per language',
      }),
    );

    full = (await json<{ record: ModelRecord }>('add', TRAINED_MODEL, '--note', 'trained')).body
      .record;
    expect(full.version).not.toBe(small.version);
    expect(full.metrics.heldOutAccuracy).toBeGreaterThan(small.metrics.heldOutAccuracy + 0.002);

    const again = await json<{ added: boolean; record: ModelRecord }>('add', smallModel);
    expect(again.body).toEqual(expect.objectContaining({ added: false }));
    expect(again.body.record.version).toBe(small.version);
    const list = await json<ModelRecord[]>('list');
    expect(list.body.map((r) => r.version).sort()).toEqual([small.version, full.version].sort());
  });

  it('promotes through the gate: accepts better, refuses worse with per-language deltas', async () => {
    const first = await models('promote', small.version);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`promoted ${small.version}`);

    const better = await models('promote', full.version);
    expect(better.code).toBe(0);
    expect(better.stdout).toMatch(/held-out accuracy \+\d+\.\d\d pp/);

    const worse = await models('promote', small.version);
    expect(worse.code).toBe(1);
    expect(worse.stderr).toMatch(/refused: promotion of .* refused: held-out accuracy -0\.\d+/);
    expect(worse.stderr).toMatch(/\n {2}hr +-\d+\.\d\d pp/);
    const live = await json<ModelRecord>('show', full.version);
    expect(live.body.status).toBe('live');

    const noReason = await models('promote', small.version, '--force');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/a forced promotion needs a reason/);

    const forced = await json<{ forced: boolean; previousVersion: string }>(
      'promote',
      small.version,
      '--force',
      '--reason',
      'e2e: the gate can be overridden',
    );
    expect(forced.body).toEqual(
      expect.objectContaining({ forced: true, previousVersion: full.version }),
    );
  });

  it('rolls back, records who/when/why/deltas, and announced every change on the broker', async () => {
    const back = await models('rollback', '--reason', 'e2e: back to the trained model');
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(`rolled back to ${full.version}`);

    const shown = await models('show', full.version);
    expect(shown.stdout).toMatch(/promoted {2}by e2e-operator/);
    expect(shown.stdout).toMatch(/rolled-back {2}by e2e-operator: e2e: back to the trained model/);
    const record = (await json<ModelRecord>('show', small.version)).body;
    const forcedEntry = record.changelog.find((entry) => entry.forced);
    expect(forcedEntry).toEqual(
      expect.objectContaining({ action: 'promoted', reason: 'e2e: the gate can be overridden' }),
    );
    expect(forcedEntry?.deltas?.perLanguageF1).toHaveProperty('hr');

    const diff = await json<{ deltas: { heldOutAccuracy: number } }>(
      'diff',
      small.version,
      full.version,
    );
    expect(diff.body.deltas.heldOutAccuracy).toBeCloseTo(
      full.metrics.heldOutAccuracy - small.metrics.heldOutAccuracy,
      10,
    );

    await waitFor(() => events.length >= 4, { timeoutMs: 10000, description: 'four model events' });
    expect(events.map((e) => [e.action, e.version])).toEqual([
      ['promote', small.version],
      ['promote', full.version],
      ['promote', small.version],
      ['rollback', full.version],
    ]);
    expect(events[3]).toEqual(
      expect.objectContaining({ previousVersion: small.version, sha256: full.sha256 }),
    );
  });

  it('verifies the live model: same held-out figures, a report and a verified changelog entry', async () => {
    const verified = await json<{
      report: string;
      metrics: { heldOutAccuracy: number };
      feedback: { n: number };
    }>('verify');
    expect(verified.run.code).toBe(0);
    expect(verified.body.metrics.heldOutAccuracy).toBeCloseTo(full.metrics.heldOutAccuracy, 10);
    expect(verified.body.feedback.n).toBe(0);
    expect(existsSync(verified.body.report)).toBe(true);
    rmSync(verified.body.report);
    const record = (await json<ModelRecord>('show', full.version)).body;
    expect(record.changelog.at(-1)).toEqual(
      expect.objectContaining({ action: 'verified', actor: 'e2e-operator' }),
    );
  });

  it('keeps a rollback whose model.promoted.v1 cannot be published and says predictors re-check', async () => {
    const liveBefore = (await json<ModelRecord[]>('list')).body.find((r) => r.status === 'live');
    const run = await runCli(
      'tools/models/src/main.ts',
      ['rollback', '--reason', 'e2e: broker unreachable', '--json', '--actor', 'e2e-operator'],
      {
        MONGODB_URI: uri,
        RABBITMQ_URL: UNREACHABLE_BROKER_URL,
        AMQP_NAMESPACE: namespace,
      },
    );
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as {
      record: ModelRecord;
      previousVersion: string;
      announced: boolean;
      announceError: string;
      warning: string;
    };
    expect(body.previousVersion).toBe(liveBefore?.version);
    expect(body).toEqual(expect.objectContaining({ announced: false }));
    expect(body.warning).toContain(`(${body.announceError})`);
    expect(run.stderr).toMatch(
      /warning: langid-[0-9a-f]{12} is live, but model\.promoted\.v1 was not published \(.+\); predictors pick it up at their periodic re-check of the live model, within MODEL_RECHECK_INTERVAL_MS/,
    );
    expect((await json<ModelRecord>('show', body.record.version)).body.status).toBe('live');
    expect(events).toHaveLength(4);
  });

  it('answers usage mistakes with exit 2 and unknown versions with exit 1', async () => {
    const unknown = await models('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const missing = await models('show', 'langid-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no model langid-000000000000 in the registry/);
  });
});
