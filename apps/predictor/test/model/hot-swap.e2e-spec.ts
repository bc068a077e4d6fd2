import { PredictionStatus } from '@sibyl/contracts';
import { modelVersionOf } from '@sibyl/registry';
import type { ChildApp } from '@sibyl/testing';
import { waitFor } from '@sibyl/testing';
import type { FilterQuery } from 'mongoose';
import { PredictionFixture, type StoredRecord } from '../support/prediction.fixture';
import {
  modelHealth,
  RegistryFixture,
  trainTinyArtifacts,
  waitServing,
  type TinyArtifacts,
} from '../support/registry.fixture';
import { SteadyLoad } from '../support/steady-load';

/** Longest wait for a result of the steady load to be stored (a condition; slow only on a loaded machine). */
const LOAD_RESULT_TIMEOUT_MS = 60_000;

/**
 * Waits until a stored result matches `filter`: the tests wait for the load to reach a state (a result of the
 * old model, a request submitted after the swap), never for a pause of a guessed length.
 */
async function untilStored(
  fx: PredictionFixture,
  filter: FilterQuery<StoredRecord>,
  description: string,
): Promise<void> {
  await waitFor(async () => (await fx.results.countDocuments(filter)) > 0, {
    timeoutMs: LOAD_RESULT_TIMEOUT_MS,
    intervalMs: 100,
    description,
  });
}

const completed = (r: StoredRecord) => (r.completedAt as Date).getTime();
const submitted = (r: StoredRecord) => new Date(r.submittedAt).getTime();

/** Every request has a `done` result (none failed, none lost) and nothing was dead-lettered. */
async function expectAllDone(
  fx: PredictionFixture,
  ids: readonly string[],
): Promise<StoredRecord[]> {
  const results = [...(await fx.waitFinished(ids, 90_000)).values()];
  expect(results).toHaveLength(ids.length);
  expect(results.filter((r) => r.status !== PredictionStatus.Done)).toEqual([]);
  expect(await fx.takeDeadLetters()).toHaveLength(0);
  return results;
}

/**
 * Hot swap against the real broker and database: two predictors serving the registry's live model swap to a
 * promoted version, and back on rollback, under continuous load without a failed or lost request; a corrupt
 * artifact is refused while the old model keeps serving; a predictor started later loads the live version.
 */
describe('model hot swap', () => {
  let fx: PredictionFixture;
  let models: RegistryFixture;
  let artifacts: TinyArtifacts;
  let a: string;
  let b: string;
  let predictors: ChildApp[];

  beforeAll(async () => {
    fx = await PredictionFixture.create('h11b-swap');
    models = new RegistryFixture(fx);
    artifacts = await trainTinyArtifacts();
    a = await models.add(artifacts.a, 0.9);
    b = await models.add(artifacts.b, 0.95);
    await models.promote(a);
    // events only (no periodic re-check), so that these swaps are the event's doing
    const env = { MODEL_RECHECK_INTERVAL_MS: '0' };
    predictors = [
      await fx.startPredictor('predictor-1', env),
      await fx.startPredictor('predictor-2', env),
    ];
  }, 120_000);
  afterAll(() => fx?.dispose());

  it('boots on the live version of the registry, not on MODEL_PATH', async () => {
    for (const predictor of predictors) {
      expect(await modelHealth(predictor)).toMatchObject({ version: a, origin: 'registry' });
      expect(await predictor.metric('sibyl_model_info', { version: a })).toBe(1);
    }
  });

  it('swaps every predictor to a promoted version under load: 0 failed or lost, results switching version, the decode off the event loop', async () => {
    const since = new Date();
    const load = new SteadyLoad(fx);
    await untilStored(fx, { modelVersion: a, submittedAt: { $gte: since } }, `a result of ${a}`);
    const promotedAt = Date.now();
    await models.promote(b);
    const allOnB = await waitServing(predictors, b);
    await untilStored(fx, { submittedAt: { $gt: new Date(allOnB) } }, 'a request after the swap');
    const ids = await load.stop();
    const results = await expectAllDone(fx, ids);

    const versions = new Set(results.map((r) => r.modelVersion));
    expect(versions).toEqual(new Set([a, b]));
    expect(
      results.filter((r) => completed(r) < promotedAt).every((r) => r.modelVersion === a),
    ).toBe(true);
    // Submitted after every predictor served b, so classified by b. (Not "completed after": completedAt is
    // stamped when the write starts, and a batch classified just before a swap may wait for the writer.)
    const afterSwap = results.filter((r) => submitted(r) > allOnB);
    expect(afterSwap.length).toBeGreaterThan(0);
    expect(afterSwap.filter((r) => r.modelVersion !== b)).toEqual([]);
    // the decode ran in a worker thread: the event loop (which keeps serving batches with the old
    // model meanwhile) spent only the rewrap of the decoded tables on it. How many batches fall in the
    // decode window depends on the machine's speed, so it is reported, not asserted.
    for (const predictor of predictors) {
      const health = await modelHealth(predictor);
      expect(health.load).toMatchObject({
        decodeStartedAt: expect.any(String),
        batchesWhileDecoding: expect.any(Number),
      });
      expect(health.load?.eventLoopMs).toBeLessThan(health.load?.decodeMs as number);
    }
    for (const predictor of predictors) {
      expect(await predictor.metric('sibyl_model_swaps_total', { trigger: 'event' })).toBe(1);
      expect(await predictor.metric('sibyl_model_info', { version: b })).toBe(1);
      expect(await predictor.metric('sibyl_model_info', { version: a })).toBe(0);
    }
  });

  it('rolls back under load to the previous version', async () => {
    const since = new Date();
    const load = new SteadyLoad(fx);
    await untilStored(fx, { modelVersion: b, submittedAt: { $gte: since } }, `a result of ${b}`);
    await models.rollback();
    const allOnA = await waitServing(predictors, a);
    await untilStored(fx, { submittedAt: { $gt: new Date(allOnA) } }, 'a request after the swap');
    const results = await expectAllDone(fx, await load.stop());
    const after = results.filter((r) => submitted(r) > allOnA);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.modelVersion === a)).toBe(true);
    expect(new Set(results.map((r) => r.modelVersion))).toEqual(new Set([a, b]));
  });

  it('refuses an artifact whose checksum does not match: the old model keeps serving, degraded in health, counted', async () => {
    const c = await models.add(artifacts.c, 0.95);
    expect(c).toBe(modelVersionOf(artifacts.c));
    await models.corrupt(c);
    await models.promote(c);
    await waitFor(
      async () =>
        (await Promise.all(predictors.map(modelHealth))).every(
          (m) => m.lastLoadFailure?.version === c,
        ),
      { timeoutMs: 15_000, intervalMs: 100, description: 'both predictors to report the refusal' },
    );
    for (const predictor of predictors) {
      expect(await modelHealth(predictor)).toMatchObject({
        version: a,
        degraded: true,
        lastLoadFailure: { version: c, reason: 'checksum', message: expect.stringContaining(c) },
      });
      expect(
        await predictor.metric('sibyl_model_load_failures_total', { reason: 'checksum' }),
      ).toBe(1);
      const ready = await fetch(`${predictor.url}/health/ready`);
      expect(ready.status).toBe(200); // still serving
    }
    const since = new Date();
    const load = new SteadyLoad(fx);
    await untilStored(fx, { submittedAt: { $gte: since } }, 'a result while refusing the artifact');
    const results = await expectAllDone(fx, await load.stop());
    expect(results.every((r) => r.modelVersion === a)).toBe(true);

    await models.rollback(); // back to a: the served model is the live one again
    await waitFor(
      async () => (await Promise.all(predictors.map(modelHealth))).every((m) => !m.degraded),
      {
        timeoutMs: 15_000,
        intervalMs: 100,
        description: 'the predictors to be no longer degraded',
      },
    );
  });

  it('a predictor started after a promotion loads the live version, and a lost event only delays a swap', async () => {
    await models.promote(b);
    await waitServing(predictors, b);
    const late = await fx.startPredictor('predictor-late', { MODEL_RECHECK_INTERVAL_MS: '1000' });
    expect(await modelHealth(late)).toMatchObject({ version: b, origin: 'registry' });

    await models.promote(a, false); // no event: the periodic re-check finds it
    await waitServing([late], a);
    expect(await late.metric('sibyl_model_swaps_total', { trigger: 'recheck' })).toBe(1);
  });

  it('dead-letters a malformed model event with its reason and keeps serving', async () => {
    await models.publishRaw(Buffer.from('{"type":"model.promoted.v1"}'));
    // the counter moves before the dead letter is published: wait for the letter itself
    const letters: Awaited<ReturnType<PredictionFixture['takeDeadLetters']>> = [];
    await waitFor(async () => letters.push(...(await fx.takeDeadLetters())) > 0, {
      timeoutMs: 10_000,
      description: 'the malformed event to be dead-lettered',
    });
    expect(await predictors[0].metric('sibyl_dead_lettered_total')).toBeGreaterThanOrEqual(1);
    expect(String(letters[0].properties.headers?.['x-sibyl-dead-letter-reason'])).toMatch(
      /version/,
    );
    expect((await modelHealth(predictors[0])).version).toBe(b);
  });

  it('a predictor whose model decode exceeds MODEL_DECODE_TIMEOUT_MS does not start, and says why', async () => {
    await expect(
      fx.startPredictor('predictor-decode-timeout', { MODEL_DECODE_TIMEOUT_MS: '1' }),
    ).rejects.toThrow(/did not answer within 1 ms \(MODEL_DECODE_TIMEOUT_MS\)/);
  });
});
