import { PredictionStatus } from '@sibyl/contracts';
import { waitFor } from '@sibyl/testing';
import { GatewayClient } from '../support/gateway.client';
import { PredictionFixture } from '../support/prediction.fixture';
import { SAMPLE_TEXTS } from '../support/test-model';

const REQUESTS = 300;

/**
 * A predictor killed with SIGKILL while it holds a micro-batch: the broker redelivers its unacked messages to
 * the other predictor, and every request completes exactly once.
 */
describe('pipeline: predictor killed mid-batch', () => {
  let fx: PredictionFixture;
  let api: GatewayClient;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pipe-kill');
    api = new GatewayClient((await fx.startGateway()).url, await fx.apiKey());
  });
  afterAll(() => fx?.dispose());

  it('redelivers the victim’s unacked messages to the survivor; all complete exactly once', async () => {
    // The victim takes 25 messages at a time and holds each batch for half a second before writing it
    // (a fixed batch larger than the prefetch closes on its timer only).
    const victim = await fx.startPredictor('predictor-victim', {
      BATCH_MODE: 'fixed',
      PREFETCH: '25',
      BATCH_MAX_SIZE: '1000',
      BATCH_MAX_WAIT_MS: '500',
    });
    const texts = Array.from(
      { length: REQUESTS },
      (_, i) => SAMPLE_TEXTS[i % SAMPLE_TEXTS.length].text,
    );
    const ids = await api.submitMany(texts, 100);

    // Kill it once it has written at least one batch and holds the next one, unacked.
    await waitFor(
      async () => {
        const [written, received] = await Promise.all([
          victim.metric('sibyl_results_written_total'),
          victim.metric('sibyl_messages_received_total'),
        ]);
        return written >= 25 && received > written;
      },
      { timeoutMs: 180_000, intervalMs: 50, description: 'the victim to hold an unwritten batch' },
    );
    expect(await victim.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

    const writtenByVictim = await fx.count(PredictionStatus.Done);
    expect(writtenByVictim).toBeGreaterThanOrEqual(25);
    expect(writtenByVictim).toBeLessThan(REQUESTS);
    const before = await fx.find(ids);
    await waitFor(async () => (await fx.consumerCount()) === 0, {
      description: 'the broker to drop the victim',
    });

    const survivor = await fx.startPredictor('predictor-survivor');
    const after = await fx.waitFinished(ids, 300_000);

    // all done with the right language, none failed
    ids.forEach((id, i) =>
      expect(after.get(id)).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[i % SAMPLE_TEXTS.length].language,
      }),
    );
    // the victim's held batch came back to the survivor as redeliveries
    expect(
      await survivor.metric('sibyl_messages_received_total', { redelivered: 'true' }),
    ).toBeGreaterThan(0);
    // exactly once: the survivor wrote precisely the rest, and the victim's results were never rewritten
    expect(await survivor.metric('sibyl_results_written_total')).toBe(REQUESTS - writtenByVictim);
    for (const [id, doc] of before) {
      if (doc.status === PredictionStatus.Done) expect(after.get(id)).toEqual(doc);
    }
    await waitFor(async () => (await fx.readyCount()) === 0);
    expect(await fx.takeDeadLetters()).toEqual([]);
  });
});
