import { createTestApiKey } from '@sibyl/auth/testing';
import { PredictionStatus } from '@sibyl/contracts';
import type { ChildApp } from '@sibyl/testing';
import { GatewayClient } from '../support/gateway.client';
import { PredictionFixture } from '../support/prediction.fixture';
import { SAMPLE_TEXTS } from '../support/test-model';

/** The whole pipeline with the built apps: gateway → RabbitMQ → predictor → database → gateway. */
describe('pipeline: submit → done', () => {
  let fx: PredictionFixture;
  let predictor: ChildApp;
  let api: GatewayClient;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pipe-submit');
    predictor = await fx.startPredictor('predictor');
    api = new GatewayClient((await fx.startGateway()).url, await fx.apiKey());
  });
  afterAll(() => fx?.dispose());

  it.each(SAMPLE_TEXTS.map((sample) => [sample.language, sample.text]))(
    'classifies a %s text submitted through the API',
    async (language, text) => {
      const accepted = await api.submit(text);
      expect(accepted.status).toBe(202);
      expect(accepted.body).toEqual({
        trackingId: expect.any(String),
        status: PredictionStatus.Queued,
      });
      expect(accepted.location).toBe(`/v1/predictions/${accepted.body.trackingId}`);

      const { status, body } = await api.get(accepted.body.trackingId, 20_000);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        trackingId: accepted.body.trackingId,
        status: PredictionStatus.Done,
        language,
      });
      expect(body.languageName).toEqual(expect.any(String));
      expect(body.nativeName).toEqual(expect.any(String));
      expect(body.confidence).toBeGreaterThan(0);
      expect(body.confidence).toBeLessThanOrEqual(1);
      expect(body.top[0]).toEqual({ language, score: body.confidence });
      expect(body.top.length).toBeLessThanOrEqual(3);
      expect(Date.parse(body.completedAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(body.submittedAt),
      );
    },
  );

  it('classifies a batch in mixed scripts, each with its own result and the loaded model version', async () => {
    const ids = await api.submitBatch(SAMPLE_TEXTS.map((s) => s.text));
    const ready = (await (await fetch(`${predictor.url}/health/ready`)).json()) as {
      details: { model: { version: string } };
    };
    for (const [index, id] of ids.entries()) {
      const { body } = await api.get(id, 20_000);
      expect(body).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[index].language,
        modelVersion: ready.details.model.version,
      });
    }
    expect(
      await predictor.metric('sibyl_model_info', { version: ready.details.model.version }),
    ).toBe(1);
    expect(await predictor.metric('sibyl_predictions_completed_total', { status: 'done' })).toBe(
      SAMPLE_TEXTS.length * 2,
    );
  });

  it('serves /metrics only to a key with the metrics scope; health stays open', async () => {
    expect((await fetch(`${predictor.url}/health/live`)).status).toBe(200);
    const anonymous = await fetch(`${predictor.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="sibyl"');
    const reader = await createTestApiKey(fx.mongoUri, { scopes: ['read'] });
    const refused = await fetch(`${predictor.url}/metrics`, {
      headers: { authorization: `Bearer ${reader.key}` },
    });
    expect(refused.status).toBe(403);
    const prometheus = await createTestApiKey(fx.mongoUri, { scopes: ['metrics'] });
    const scraped = await fetch(`${predictor.url}/metrics`, {
      headers: { authorization: `Bearer ${prometheus.key}` },
    });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^sibyl_model_info/m);
  });
});
