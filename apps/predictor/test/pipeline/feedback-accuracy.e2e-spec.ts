import { createTestApiKey } from '@sibyl/auth/testing';
import type { ModelAccuracyView, PredictionView } from '@sibyl/contracts';
import { type ChildApp, waitFor } from '@sibyl/testing';
import { GatewayClient } from '../support/gateway.client';
import { PredictionFixture } from '../support/prediction.fixture';
import { SAMPLE_TEXTS } from '../support/test-model';

/** What the feedback says of the item at an index, when it says the model was wrong. */
const WRONG: Record<number, string> = { 0: 'da', 6: 'da', 8: 'uk' };

/**
 * Feedback → live accuracy through the built apps: texts classified by a real predictor, feedback
 * posted with known right and wrong languages, then the accuracy endpoint, the feedback counter
 * and the live-accuracy gauge must match what was submitted.
 */
describe('pipeline: feedback → live accuracy', () => {
  let fx: PredictionFixture;
  let gateway: ChildApp;
  let api: GatewayClient;
  let key: string;
  let results: PredictionView[];
  let version: string;

  const feedback = (id: string, language: string) =>
    fetch(`${gateway.url}/v1/predictions/${id}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ language }),
    });
  const accuracy = async (v: string, bearer = key) => {
    const response = await fetch(`${gateway.url}/v1/models/${v}/accuracy`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    return { status: response.status, body: (await response.json()) as ModelAccuracyView };
  };

  beforeAll(async () => {
    fx = await PredictionFixture.create('pipe-feedback');
    await fx.startPredictor('predictor');
    gateway = await fx.startGateway({ LIVE_ACCURACY_INTERVAL_MS: '500' });
    key = await fx.apiKey();
    api = new GatewayClient(gateway.url, key);
    const ids = await api.submitBatch([...SAMPLE_TEXTS, ...SAMPLE_TEXTS].map((s) => s.text));
    results = [];
    for (const id of ids) results.push((await api.get(id, 20_000)).body);
    version = results[0].modelVersion ?? '';
  });
  afterAll(() => fx?.dispose());

  it('counts feedback against the model version: accuracy, per language and confused pairs', async () => {
    expect(results.every((r) => r.status === 'done' && r.modelVersion === version)).toBe(true);
    for (const [i, result] of results.entries()) {
      expect(
        (await feedback(result.trackingId, WRONG[i] ?? (result.language as string))).status,
      ).toBe(204);
    }
    const { status, body } = await accuracy(version);
    expect(status).toBe(200);
    expect(body.modelVersion).toBe(version);
    expect(body.windows.map((w) => w.window)).toEqual(['last_100', 'last_1000', 'last_24h']);
    for (const window of body.windows) {
      expect(window).toMatchObject({ n: 12, correct: 9, accuracy: 0.75, truncated: false });
    }
    const [last100] = body.windows;
    expect(last100.perLanguage['da']).toEqual({ n: 2, correct: 0, accuracy: 0 });
    expect(last100.perLanguage['uk']).toEqual({ n: 1, correct: 0, accuracy: 0 });
    expect(last100.perLanguage['ar']).toEqual({ n: 2, correct: 2, accuracy: 1 });
    expect(last100.confusedPairs).toEqual([
      { actual: 'da', predicted: results[0].language, count: 2 },
      { actual: 'uk', predicted: results[8].language, count: 1 },
    ]);
    expect(
      await gateway.metric('sibyl_feedback_total', {
        model_version: version,
        predicted: results[0].language as string,
        actual: 'da',
      }),
    ).toBe(2);
    expect(await gateway.metric('sibyl_feedback_total', { model_version: version })).toBe(12);
  });

  it('keeps each request once (a correction replaces it) and stores the text for retraining', async () => {
    expect((await feedback(results[8].trackingId, results[8].language as string)).status).toBe(204);
    const { body } = await accuracy(version);
    expect(body.windows[0]).toMatchObject({ n: 12, correct: 10 });
    expect(await gateway.metric('sibyl_feedback_total', { model_version: version })).toBe(13);
    const stored = await fx.db
      .collection('feedback')
      .findOne({ _id: results[0].trackingId } as never);
    expect(stored).toMatchObject({
      modelVersion: version,
      predicted: results[0].language,
      actual: 'da',
      text: SAMPLE_TEXTS[0].text,
    });
  });

  it('exposes the live accuracy as a gauge per version and window, refreshed periodically', async () => {
    const labels = { model_version: version, window: 'last_100' };
    await waitFor(async () => (await gateway.metric('sibyl_live_accuracy', labels)) === 10 / 12, {
      timeoutMs: 15_000,
      description: 'sibyl_live_accuracy to reach 10/12',
    });
    expect(await gateway.metric('sibyl_live_accuracy_feedback_items', labels)).toBe(12);
    const latest = await gateway.metric('sibyl_live_accuracy_latest_feedback_seconds', {
      model_version: version,
    });
    expect(Math.abs(latest - Date.now() / 1000)).toBeLessThan(300);
  });

  it('answers an unknown version with empty windows, a malformed one with 400, and needs read', async () => {
    const unknown = await accuracy('langid-000000000000');
    expect(unknown.status).toBe(200);
    expect(unknown.body.windows.map((w) => [w.n, w.accuracy])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
    expect((await accuracy('bad%20version')).status).toBe(400);
    const feedbackOnly = await createTestApiKey(fx.mongoUri, { scopes: ['feedback'] });
    expect((await accuracy(version, feedbackOnly.key)).status).toBe(403);
    const reader = await createTestApiKey(fx.mongoUri, { scopes: ['read'] });
    expect((await accuracy(version, reader.key)).status).toBe(200);
  });
});
