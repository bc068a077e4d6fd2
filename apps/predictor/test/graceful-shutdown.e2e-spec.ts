import { PredictionStatus } from '@sibyl/contracts';
import { waitFor } from '@sibyl/testing';
import { PredictionFixture } from './support/prediction.fixture';
import { SAMPLE_TEXTS } from './support/test-model';

/** The open batch closes by this timer only; the test shows the shutdown does not wait for it. */
const BATCH_MAX_WAIT_MS = 60_000;
/** Longest graceful shutdown; well under BATCH_MAX_WAIT_MS. */
const SHUTDOWN_TIMEOUT_MS = 40_000;

/** SIGTERM: stop consuming, finish and ack the in-flight batch, exit cleanly. */
describe('predictor: graceful shutdown', () => {
  let fx: PredictionFixture;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pred-term');
  });
  afterAll(() => fx?.dispose());

  it('on SIGTERM writes and acks the open micro-batch, then exits 0', async () => {
    // The (fixed) batch can only close by size (1000) or after a minute: only the shutdown can flush it.
    const predictor = await fx.startPredictor('predictor', {
      BATCH_MODE: 'fixed',
      BATCH_MAX_SIZE: '1000',
      BATCH_MAX_WAIT_MS: String(BATCH_MAX_WAIT_MS),
      PREFETCH: '100',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
    const texts = Array.from({ length: 30 }, (_, i) => SAMPLE_TEXTS[i % SAMPLE_TEXTS.length].text);
    const messages = await fx.insertQueued(texts);
    for (const message of messages) await fx.publishRequested(message);
    await waitFor(
      async () => (await predictor.metric('sibyl_messages_received_total')) === messages.length,
      {
        description: 'every message to sit in the open batch',
      },
    );
    expect(await fx.count(PredictionStatus.Done)).toBe(0);

    const started = Date.now();
    const exit = await predictor.stop('SIGTERM', SHUTDOWN_TIMEOUT_MS + 10_000);
    const tookMs = Date.now() - started;

    // Exit 0 within the shutdown timeout: the batch was flushed by the shutdown, not by its one-minute timer. The
    // bounds are the configured timers, not an assumption about how fast this machine is.
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(BATCH_MAX_WAIT_MS);
    expect(predictor.log).toMatch(/stopped consuming/);
    expect(predictor.log).toMatch(/shutdown complete/);
    const docs = await fx.find(messages.map((m) => m.trackingId));
    messages.forEach((message, i) =>
      expect(docs.get(message.trackingId)).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[i % SAMPLE_TEXTS.length].language,
      }),
    );
    // acked, not returned to the queue: nothing is left for another predictor
    expect(await fx.readyCount()).toBe(0);
    expect(await fx.consumerCount()).toBe(0);
  });
});
