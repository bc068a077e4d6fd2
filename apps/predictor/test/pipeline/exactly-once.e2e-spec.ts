import { PredictionStatus } from '@sibyl/contracts';
import { type ChildApp, waitFor } from '@sibyl/testing';
import { GatewayClient } from '../support/gateway.client';
import { PredictionFixture } from '../support/prediction.fixture';
import { SAMPLE_TEXTS } from '../support/test-model';

const REQUESTS = 2000;

/**
 * 2,000 requests through the API, two competing predictors (one micro-batching, one realtime): every request is
 * done, none is lost, and each got exactly one result — the predictors' `sibyl_results_written_total` (documents
 * they moved from queued to done, guarded by the status filter) adds up to exactly the number of requests.
 */
describe('pipeline: 2,000 requests, exactly once', () => {
  let fx: PredictionFixture;
  let predictors: ChildApp[];
  let api: GatewayClient;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pipe-2000');
    predictors = await Promise.all([
      fx.startPredictor('predictor-batching', { BATCH_MAX_SIZE: '64', BATCH_MAX_WAIT_MS: '5' }),
      fx.startPredictor('predictor-realtime', { BATCH_MAX_SIZE: '1', PREFETCH: '32' }),
    ]);
    api = new GatewayClient((await fx.startGateway()).url, await fx.apiKey());
  });
  afterAll(() => fx?.dispose());

  const sum = async (name: string, labels: Record<string, string> = {}): Promise<number> =>
    (await Promise.all(predictors.map((p) => p.metric(name, labels)))).reduce((a, b) => a + b, 0);

  it('completes every request exactly once', async () => {
    const texts = Array.from(
      { length: REQUESTS },
      (_, i) => SAMPLE_TEXTS[i % SAMPLE_TEXTS.length].text,
    );
    const started = Date.now();
    const ids = await api.submitMany(texts, 500);
    const submittedMs = Date.now() - started;
    expect(new Set(ids).size).toBe(REQUESTS);

    let lastReport = 0;
    await waitFor(
      async () => {
        const done = await fx.count(PredictionStatus.Done);
        if (Date.now() - lastReport > 5000) {
          lastReport = Date.now();
          process.stderr.write(`[exactly-once] ${done}/${REQUESTS} done\n`);
        }
        return done === REQUESTS;
      },
      { timeoutMs: 540_000, intervalMs: 2000, description: `${REQUESTS} requests to be done` },
    );
    const totalMs = Date.now() - started;
    process.stderr.write(
      `[exactly-once] ${REQUESTS} requests: submitted in ${submittedMs} ms, all done after ${totalMs} ms ` +
        `(${Math.round((REQUESTS / totalMs) * 1000)} req/s end to end, 2 predictors, shared 2-core machine)\n`,
    );

    // none lost, none failed, each with the right language
    expect(await fx.records.countDocuments({})).toBe(REQUESTS);
    expect(await fx.results.countDocuments({})).toBe(REQUESTS);
    expect(await fx.count(PredictionStatus.Failed)).toBe(0);
    for (const sample of SAMPLE_TEXTS) {
      const expected = texts.filter((t) => t === sample.text).length;
      expect(await fx.results.countDocuments({ language: sample.language, status: 'done' })).toBe(
        expected,
      );
    }

    // exactly once: one result write per request over all predictors, both of which took part
    await waitFor(async () => (await sum('sibyl_results_written_total')) === REQUESTS, {
      description: 'the metrics to count every result write',
    });
    expect(await sum('sibyl_predictions_completed_total', { status: 'done' })).toBe(REQUESTS);
    for (const predictor of predictors) {
      expect(await predictor.metric('sibyl_results_written_total')).toBeGreaterThan(0);
    }
    const skipped = await sum('sibyl_results_skipped_total');
    const received = await sum('sibyl_messages_received_total');
    expect(received).toBe(REQUESTS + skipped);
    expect(await fx.readyCount()).toBe(0);
    expect(await fx.takeDeadLetters()).toEqual([]);
    const batches = await predictors[0].metric('sibyl_batch_size_count');
    const batched = await predictors[0].metric('sibyl_batch_size_sum');
    process.stderr.write(
      `[exactly-once] batching predictor: ${batched} messages in ${batches} batches; realtime predictor: ` +
        `${await predictors[1].metric('sibyl_results_written_total')} results; duplicates skipped: ${skipped}\n`,
    );
  });
});
