import { PredictionStatus } from '@sibyl/contracts';
import { type ChildApp, waitFor } from '@sibyl/testing';
import { PredictionFixture } from './support/prediction.fixture';
import { SAMPLE_TEXTS } from './support/test-model';

/** (b) A message delivered again never produces a second or a different result. */
describe('predictor: idempotent results', () => {
  let fx: PredictionFixture;
  let predictor: ChildApp;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pred-idem');
    predictor = await fx.startPredictor('predictor');
  });
  afterAll(() => fx?.dispose());

  it('a redelivered or republished message leaves the first result untouched', async () => {
    const [message] = await fx.insertQueued([SAMPLE_TEXTS[2].text]);
    await fx.publishRequested(message);
    const first = (await fx.waitFinished([message.trackingId])).get(message.trackingId);
    expect(first).toMatchObject({ status: 'done', language: 'ru', languageName: 'Russian' });
    expect(first?.top.length).toBeGreaterThan(0);
    expect(first?.modelVersion).toBeTruthy();
    await waitFor(async () => (await predictor.metric('sibyl_results_written_total')) === 1);

    // the same message again (a broker redelivery) and a relay republish (attempt 2)
    await fx.publishRequested(message);
    await fx.publishRequested({ ...message, attempt: 2 });
    await waitFor(async () => (await predictor.metric('sibyl_results_skipped_total')) === 2, {
      description: 'both duplicates to be skipped',
    });

    const after = (await fx.find([message.trackingId])).get(message.trackingId);
    expect(after).toEqual(first);
    expect(await predictor.metric('sibyl_results_written_total')).toBe(1);
    expect(
      await predictor.metric('sibyl_predictions_completed_total', {
        language: 'ru',
        status: 'done',
      }),
    ).toBe(1);
    expect(await fx.takeDeadLetters()).toEqual([]);
  });

  it('never overwrites a result that is already stored', async () => {
    const [message] = await fx.insertQueued([SAMPLE_TEXTS[0].text]);
    const stored = {
      _id: message.trackingId,
      status: PredictionStatus.Done,
      submittedAt: new Date(message.submittedAt),
      language: 'nb',
      languageName: 'Norwegian Bokmål',
      nativeName: 'Norsk bokmål',
      confidence: 0.5,
      top: [{ language: 'nb', score: 0.5 }],
      modelVersion: 'someone-else',
      completedAt: new Date('2026-01-01T00:00:00Z'),
    };
    await fx.results.create(stored);
    const skipped = await predictor.metric('sibyl_results_skipped_total');

    await fx.publishRequested(message);
    await waitFor(
      async () => (await predictor.metric('sibyl_results_skipped_total')) === skipped + 1,
    );

    expect((await fx.find([message.trackingId])).get(message.trackingId)).toMatchObject(stored);
  });

  it('duplicates inside one micro-batch produce one result', async () => {
    const [message] = await fx.insertQueued([SAMPLE_TEXTS[3].text]);
    const written = await predictor.metric('sibyl_results_written_total');
    const skipped = await predictor.metric('sibyl_results_skipped_total');
    await Promise.all([1, 2, 3].map((attempt) => fx.publishRequested({ ...message, attempt })));
    await waitFor(
      async () =>
        (await predictor.metric('sibyl_results_skipped_total')) +
          (await predictor.metric('sibyl_results_written_total')) ===
        written + skipped + 3,
    );
    expect(await predictor.metric('sibyl_results_written_total')).toBe(written + 1);
    expect((await fx.find([message.trackingId])).get(message.trackingId)).toMatchObject({
      status: 'done',
      language: 'ja',
    });
  });
});
