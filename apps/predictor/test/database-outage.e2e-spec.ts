import { ChildApp, TcpProxy, waitFor } from '@sibyl/testing';
import { PredictionFixture } from './support/prediction.fixture';
import { SAMPLE_TEXTS } from './support/test-model';

/**
 * A predictor-side database outage (its connection cut by a proxy), longer than the delivery limit would
 * survive if messages were requeued: the predictor holds the batch it cannot store, pauses consuming (not
 * ready, but live: waiting for the database is not a stall) and spends no delivery attempt; every message
 * completes, once, when the database returns.
 */
describe('predictor: database outage', () => {
  let fx: PredictionFixture;
  let proxy: TcpProxy;
  let predictor: ChildApp;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pred-dbdown');
    let viaProxy: string;
    ({ proxy, uri: viaProxy } = await fx.databaseProxy());
    predictor = await fx.startPredictor('predictor', {
      MONGODB_URI: viaProxy,
      MONGODB_TIMEOUT_MS: '1000',
      REQUEUE_DELAY_MS: '300',
      STALL_TIMEOUT_MS: '3000',
    });
  });
  afterAll(async () => {
    proxy?.restore();
    await fx?.dispose();
    await proxy?.stop();
  });

  const probe = async (
    path: string,
  ): Promise<{
    status: number;
    body: { details?: Record<string, { status: string; message?: string }> };
  }> => {
    const response = await fetch(`${predictor.url}${path}`);
    return {
      status: response.status,
      body: (await response.json()) as {
        details?: Record<string, { status: string; message?: string }>;
      },
    };
  };
  const readiness = () => probe('/health/ready');

  it('pauses and holds the batch while the database is down, burns no delivery attempt, completes every message once after', async () => {
    // One scrape first: /metrics verifies the test's key in the database, and during the outage the
    // predictor keeps honouring keys it verified recently (AUTH stale-if-error), as a scraper would see.
    expect(await predictor.metric('sibyl_consumer_paused')).toBe(0);
    proxy.cut();
    const down = await waitFor(async () => {
      const ready = await readiness();
      return ready.status === 503 ? ready.body : undefined;
    });
    expect(down.details?.database.status).toBe('down');
    expect(down.details?.broker.status).toBe('up');

    const messages = await fx.insertQueued(SAMPLE_TEXTS.map((s) => s.text));
    for (const message of messages) await fx.publishRequested(message);
    const paused = await waitFor(
      async () => {
        const ready = await readiness();
        return ready.body.details?.consumer?.status === 'down' ? ready.body : undefined;
      },
      { description: 'the predictor to pause consuming' },
    );
    expect(paused.details?.consumer.message).toMatch(/consumption paused: cannot store results/);
    expect(await predictor.metric('sibyl_consumer_paused')).toBe(1);

    // Requeued every 300 ms, the messages would reach the delivery limit (5) in under 2 s.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(await predictor.metric('sibyl_messages_requeued_total')).toBe(0);
    expect(await fx.takeDeadLetters()).toEqual([]);
    const live = await probe('/health/live');
    expect(live.status).toBe(200);
    expect(await predictor.metric('sibyl_consumer_stalled')).toBe(0);

    proxy.restore();
    const docs = await fx.waitFinished(messages.map((m) => m.trackingId));
    messages.forEach((message, i) =>
      expect(docs.get(message.trackingId)).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[i].language,
      }),
    );
    expect(await predictor.metric('sibyl_messages_received_total', { redelivered: 'true' })).toBe(
      0,
    );
    expect(await predictor.metric('sibyl_results_written_total')).toBe(messages.length);
    expect(await fx.takeDeadLetters()).toEqual([]);
    await waitFor(async () => (await readiness()).status === 200, { description: 'ready again' });
    expect(await predictor.metric('sibyl_consumer_paused')).toBe(0);
  });
});
