import { assertShadowQueue } from '@sibyl/amqp';
import { PredictionStatus } from '@sibyl/contracts';
import { trainTinyModel } from '@sibyl/model/testing';
import { doneResultsById } from '@sibyl/persistence';
import {
  SHADOW_RESULTS_COLLECTION,
  ShadowRuns,
  sampledIn,
  type ModelRecord,
  type ShadowResult,
  type ShadowRun,
} from '@sibyl/registry';
import { runCli, waitFor, type ChildApp, type CliRun } from '@sibyl/testing';
import { GatewayClient } from '../support/gateway.client';
import { PredictionFixture } from '../support/prediction.fixture';
import { RegistryFixture } from '../support/registry.fixture';
import { SAMPLE_TEXTS } from '../support/test-model';

/** The shadow part of a predictor's `/health/ready`. */
async function shadowHealth(app: ChildApp): Promise<{ active: boolean; runId?: string }> {
  const body = (await (await fetch(`${app.url}/health/ready`)).json()) as {
    details: { shadow: { active: boolean; runId?: string } };
  };
  return body.details.shadow;
}

/**
 * Shadow evaluation against the real broker and database, through the built gateway and predictors and the
 * real `models shadow` CLI: the live model knows six languages, the candidate the same minus German, so the
 * German texts are certain disagreements. Agreement counts must equal what the stored live and shadow
 * results say (computed here independently); shadow results never reach clients; a full shadow queue never
 * holds up the live path.
 */
describe('shadow evaluation', () => {
  let fx: PredictionFixture;
  let models: RegistryFixture;
  let runs: ShadowRuns;
  let api: GatewayClient;
  let live: string;
  let candidate: string;
  let shadowing: ChildApp;

  const cli = (...args: string[]): Promise<CliRun> =>
    runCli('tools/models/src/main.ts', [...args, '--actor', 'e2e-operator'], {
      MONGODB_URI: fx.mongoUri,
      RABBITMQ_URL: fx.rabbitUrl,
      AMQP_NAMESPACE: fx.namespace,
    });
  const shadowResults = (runId: string) =>
    fx.db.collection<ShadowResult>(SHADOW_RESULTS_COLLECTION).find({ runId }).toArray();
  const shadowQueueDepth = () => fx.queueDepth(fx.names.shadowQueue);
  /** Starts a shadow run of the candidate with the CLI and waits until predictor-2 takes part in it. */
  const startRun = async (sample: string, max: number, which: string): Promise<ShadowRun> => {
    const started = await cli(
      'shadow',
      candidate,
      '--sample',
      sample,
      '--max',
      String(max),
      '--json',
    );
    expect(started.code).toBe(0);
    const { run } = JSON.parse(started.stdout) as { run: ShadowRun };
    await waitFor(async () => (await shadowHealth(shadowing)).runId === run.runId, {
      timeoutMs: 30_000,
      description: `predictor-2 to join the ${which} run`,
    });
    return run;
  };
  /** Texts of every sample language, `copies` times over (distinct by a suffix number). */
  const texts = (copies: number) =>
    Array.from({ length: copies }, (_, i) => SAMPLE_TEXTS.map((s) => `${s.text} ${i}`)).flat();

  beforeAll(async () => {
    fx = await PredictionFixture.create('h11shadow');
    models = new RegistryFixture(fx);
    const db = fx.db.getClient().db(fx.db.name);
    runs = new ShadowRuns(db, models.registry, (ids) => doneResultsById(db, ids));
    const [full, noGerman] = await Promise.all([
      trainTinyModel(),
      trainTinyModel({ languages: ['sv', 'ar', 'ja', 'ru', 'en'] }),
    ]);
    live = await models.add(full.identifier.toBuffer(), 0.9);
    candidate = await models.add(noGerman.identifier.toBuffer(), 0.8);
    await models.promote(live);
    // predictor-1 never takes part in shadow evaluation; predictor-2 (started later) does
    await fx.startPredictor('predictor-1', { SHADOW_CHECK_INTERVAL_MS: '0' });
    const gateway = await fx.startGateway();
    api = new GatewayClient(gateway.url, await fx.apiKey());
  }, 180_000);
  afterAll(() => fx?.dispose());

  it('a full shadow queue drops its oldest copies and the live path completes everything', async () => {
    await runs.start({ version: candidate, sample: 1, max: 1000, queueMaxLength: 5, actor: 'e2e' });
    await assertShadowQueue(fx.channel, fx.names, 5);
    const ids = await api.submitMany(texts(10));
    const results = [...(await fx.waitFinished(ids, 90_000)).values()];
    expect(results).toHaveLength(ids.length);
    expect(
      results.every((r) => r.status === PredictionStatus.Done && r.modelVersion === live),
    ).toBe(true);
    expect(await shadowQueueDepth()).toBe(5);

    const stopped = await cli('shadow', '--stop', '--json');
    expect(stopped.code).toBe(0);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ stopped: true, report: { predictions: 0 } });
    expect(await shadowQueueDepth()).toBeNull();
  });

  it('evaluates the candidate on mirrored requests, reports agreement as the stored results say, stops after N', async () => {
    shadowing = await fx.startPredictor('predictor-2', { SHADOW_CHECK_INTERVAL_MS: '500' });
    const max = SAMPLE_TEXTS.length * 2;
    const run = await startRun('1', max, 'shadow');

    const ids = await api.submitMany(texts(2));
    await fx.waitFinished(ids, 90_000);
    // the run stops (active document deleted) and then its report is written to the record
    await waitFor(
      async () => (await models.registry.getOrThrow(candidate)).shadow?.runId === run.runId,
      { timeoutMs: 60_000, description: `the shadow run to stop after ${max} predictions` },
    );
    expect(await runs.active()).toBeNull();
    const record = (await models.registry.getOrThrow(candidate)) as ModelRecord;
    const report = record.shadow;

    // independently: every stored shadow result against the live result of the same request
    const stored = await shadowResults(run.runId);
    expect(stored.map((r) => r.trackingId).sort()).toEqual([...ids].sort());
    const liveResults = await fx.find(ids);
    const pairs = stored.map((s) => ({ s, l: liveResults.get(s.trackingId) }));
    const disagreeing = pairs.filter(({ s, l }) => l?.language !== s.language);
    expect(report).toMatchObject({
      runId: run.runId,
      liveVersion: live,
      predictions: max,
      unmatched: 0,
      compared: max,
      agreed: max - disagreeing.length,
      agreement: (max - disagreeing.length) / max,
      stopReason: `reached --max ${max}`,
    });
    const german = pairs.filter(({ l }) => l?.language === 'de');
    expect(german).toHaveLength(2);
    expect(report?.perLanguage.de).toEqual({ compared: 2, agreed: 0 });
    expect(report?.disagreements.map((d) => d.trackingId).sort()).toEqual(
      disagreeing.map(({ s }) => s.trackingId).sort(),
    );
    expect(report?.disagreements).toEqual(
      expect.arrayContaining(
        german.map(({ s, l }) =>
          expect.objectContaining({
            text: s.text,
            live: 'de',
            candidate: s.language,
            liveConfidence: l?.confidence,
          }),
        ),
      ),
    );
    expect(record.changelog.at(-1)).toMatchObject({
      action: 'shadow',
      reason: `reached --max ${max}`,
      actor: expect.stringMatching(/^predictor /),
    });

    // clients only ever see the live model's results
    for (const id of ids) {
      const { body } = await api.get(id);
      expect(body).toMatchObject({ status: 'done', modelVersion: live });
    }
    expect(await shadowQueueDepth()).toBeNull();
    await waitFor(async () => !(await shadowHealth(shadowing)).active, {
      timeoutMs: 10_000,
      description: 'predictor-2 to leave the finished run',
    });
    expect(await shadowing.metric('sibyl_shadow_predictions_total', { version: candidate })).toBe(
      max,
    );
    const show = await cli('show', candidate);
    expect(show.stdout).toContain(`shadow vs ${live}: ${max - disagreeing.length}/${max} agree`);
  });

  it('honours --sample by tracking id hash and stops on command with the report so far', async () => {
    const run = await startRun('0.5', 1000, 'second');
    const ids = await api.submitMany(texts(6));
    const sampled = ids.filter((id) => sampledIn(id, 0.5));
    await fx.waitFinished(ids, 90_000);
    await waitFor(async () => (await shadowResults(run.runId)).length === sampled.length, {
      timeoutMs: 60_000,
      description: `${sampled.length} shadow predictions of the 50% sample`,
    });
    const status = await cli('shadow', '--status', '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({
      active: true,
      report: { predictions: sampled.length, compared: sampled.length },
    });

    const stopped = await cli('shadow', candidate, '--stop');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain(`shadow run ${run.runId} of ${candidate}`);
    const stored = await shadowResults(run.runId);
    expect(stored.map((r) => r.trackingId).sort()).toEqual([...sampled].sort());
    const record = (await models.registry.getOrThrow(candidate)) as ModelRecord;
    expect(record.shadow).toMatchObject({
      runId: run.runId,
      compared: sampled.length,
      stopReason: 'stopped by e2e-operator',
    });
    expect(record.changelog.filter((entry) => entry.action === 'shadow')).toHaveLength(3);
    expect(await shadowQueueDepth()).toBeNull();
  });
});
