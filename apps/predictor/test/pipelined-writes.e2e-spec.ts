import { ChildApp, TcpProxy, waitFor } from '@sibyl/testing';
import { PredictionStatus } from '@sibyl/contracts';
import { PredictionFixture } from './support/prediction.fixture';
import { SAMPLE_TEXTS } from './support/test-model';

/** Messages published while the database link is held. */
const HELD = 60;
/** The predictor's log line once a SIGTERM has cancelled its consumer and the pipeline drains. */
const DRAINING = /draining \d+ in-flight deliveries/;

/**
 * Pipelined micro-batching (BATCH_PIPELINE=on, adaptive) against the real broker and database: the next batch
 * is classified while the previous one is being written, yet no message is acked before its write. The
 * predictor reaches the database through a proxy that can hold its writes in flight.
 */
describe('predictor: pipelined writes', () => {
  let fx: PredictionFixture;
  let link: { proxy: TcpProxy; uri: string };

  beforeAll(async () => {
    fx = await PredictionFixture.create('pred-pipe');
    link = await fx.databaseProxy();
  });
  afterAll(async () => {
    const proxy = link?.proxy;
    proxy?.release();
    await fx?.dispose();
    await proxy?.stop();
  });

  const texts = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => SAMPLE_TEXTS[i % SAMPLE_TEXTS.length].text);

  const publish = async (n: number): Promise<string[]> => {
    const messages = await fx.insertQueued(texts(n));
    for (const message of messages) await fx.publishRequested(message);
    return messages.map((m) => m.trackingId);
  };

  /** A predictor whose database link goes through the proxy (metrics open: AUTH would read the database). */
  const startBehindProxy = (name: string, env: Record<string, string> = {}): Promise<ChildApp> =>
    fx.startPredictor(name, {
      ...env,
      MONGODB_URI: link.uri,
      AUTH: 'off',
      BATCH_MODE: 'adaptive',
      BATCH_PIPELINE: 'on',
      BATCH_MAX_SIZE: '16',
      PREFETCH: '256',
      REQUEUE_DELAY_MS: '100',
    });

  /** Holds the database link, publishes {@link HELD} messages and waits until one batch is being written and the next one is classified. */
  const holdWithFullPipeline = async (predictor: ChildApp): Promise<string[]> => {
    const batchesBefore = await predictor.metric('sibyl_batch_size_count');
    link.proxy.hold();
    const ids = await publish(HELD);
    await waitFor(
      async () =>
        (await predictor.metric('sibyl_batch_writes_in_flight')) === 1 &&
        (await predictor.metric('sibyl_batch_size_count')) === batchesBefore + 2 &&
        (await predictor.metric('sibyl_batch_backlog')) > 0,
      { timeoutMs: 30_000, description: 'a write in flight, the next batch classified, a backlog' },
    );
    return ids;
  };

  it('acks nothing before its write: a predictor killed with a write in flight and the next batch classified hands every message back', async () => {
    const victim = await startBehindProxy('predictor-victim', { STALL_TIMEOUT_MS: '3000' });
    const warmup = await publish(10);
    await fx.waitFinished(warmup);
    await holdWithFullPipeline(victim);
    // the broker holds no ready message: all of them sit in the victim, none acked since none is written
    expect(await fx.readyCount()).toBe(0);
    expect(await fx.count(PredictionStatus.Done)).toBe(warmup.length);
    // a write that never returns (no error: not an outage) stalls the pipeline, which is then not live
    await waitFor(async () => (await fetch(`${victim.url}/health/live`)).status === 503, {
      timeoutMs: 15_000,
      description: 'the stalled pipeline to be reported not live',
    });
    expect(await fx.readyCount()).toBe(0);

    expect(await victim.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    link.proxy.cut(); // the held write dies with the victim
    await waitFor(async () => (await fx.consumerCount()) === 0, {
      description: 'the broker to drop the victim',
    });
    expect(await fx.readyCount()).toBe(HELD);
    expect(await fx.count(PredictionStatus.Done)).toBe(warmup.length);

    // a survivor (direct link) completes them all, each once
    link.proxy.restore();
    link.proxy.release();
    const survivor = await fx.startPredictor('predictor-survivor');
    await waitFor(async () => (await fx.count(PredictionStatus.Done)) === warmup.length + HELD, {
      timeoutMs: 60_000,
      description: 'the survivor to write every held message',
    });
    expect(await survivor.metric('sibyl_results_written_total')).toBe(HELD);
    expect(await fx.takeDeadLetters()).toEqual([]);
    await survivor.stop('SIGTERM');
  });

  it('on SIGTERM writes and acks the batches in the pipeline, hands the backlog back, and exits 0', async () => {
    const before = await fx.count(PredictionStatus.Done);
    const predictor = await startBehindProxy('predictor-drain');
    const ids = await holdWithFullPipeline(predictor);
    const stopping = predictor.stop('SIGTERM', 30_000);
    // Released once the shutdown has cancelled the consumer and told the pipeline to drain (its log says so),
    // not after a pause: on a slow machine the signal may not have been handled yet.
    await waitFor(() => DRAINING.test(predictor.log), {
      timeoutMs: 15_000,
      description: 'the predictor to start draining',
    });
    link.proxy.release(); // the write in flight completes now; the classified batch follows it
    expect(await stopping).toEqual({ code: 0, signal: null });

    const written = (await fx.find(ids)).size;
    // both pipeline batches were written (at least one message each), the backlog went back to the queue
    expect(written).toBeGreaterThanOrEqual(2);
    expect(written).toBeLessThan(HELD);
    expect(await fx.count(PredictionStatus.Done)).toBe(before + written);
    expect(await fx.readyCount()).toBe(HELD - written);
    expect(await fx.takeDeadLetters()).toEqual([]);
  });
});
