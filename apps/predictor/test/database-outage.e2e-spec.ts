import { DEAD_LETTER_REASON_HEADER } from '@sibyl/contracts';
import { ChildApp, endpointOf, TcpProxy, waitFor } from '@sibyl/testing';
import type { GetMessage } from 'amqplib';
import { PredictionFixture } from './support/prediction.fixture';
import { SAMPLE_TEXTS } from './support/test-model';

/**
 * Transient failures: with the database unreachable (its connection cut by a proxy) the predictor hands the
 * messages back to the broker instead of losing or dead-lettering them; a message that keeps failing is
 * dead-lettered by the quorum queue's delivery limit.
 */
describe('predictor: database outage', () => {
  let fx: PredictionFixture;
  let proxy: TcpProxy;
  let predictor: ChildApp;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pred-dbdown');
    const target = endpointOf(fx.mongoUri, 27017);
    proxy = new TcpProxy(target.host, target.port);
    await proxy.start();
    const viaProxy = new URL(fx.mongoUri);
    viaProxy.host = proxy.address;
    predictor = await fx.startPredictor('predictor', {
      MONGODB_URI: viaProxy.toString(),
      MONGODB_TIMEOUT_MS: '1000',
      REQUEUE_DELAY_MS: '300',
    });
  });
  afterAll(async () => {
    proxy?.restore();
    await fx?.dispose();
    await proxy?.stop();
  });

  const readiness = async (): Promise<{
    status: number;
    body: { details?: Record<string, { status: string }> };
  }> => {
    const response = await fetch(`${predictor.url}/health/ready`);
    return {
      status: response.status,
      body: (await response.json()) as { details?: Record<string, { status: string }> },
    };
  };

  it('requeues while the database is down and completes every message, once, after it returns', async () => {
    proxy.cut();
    const down = await waitFor(async () => {
      const ready = await readiness();
      return ready.status === 503 ? ready.body : undefined;
    });
    expect(down.details?.database.status).toBe('down');
    expect(down.details?.broker.status).toBe('up');

    const messages = await fx.insertQueued(SAMPLE_TEXTS.map((s) => s.text));
    for (const message of messages) await fx.publishRequested(message);
    await waitFor(
      async () => (await predictor.metric('sibyl_messages_requeued_total')) >= messages.length,
      {
        description: 'the predictor to requeue the batch',
      },
    );

    proxy.restore();
    const docs = await fx.waitFinished(messages.map((m) => m.trackingId));
    messages.forEach((message, i) =>
      expect(docs.get(message.trackingId)).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[i].language,
      }),
    );
    expect(
      await predictor.metric('sibyl_messages_received_total', { redelivered: 'true' }),
    ).toBeGreaterThan(0);
    expect(await predictor.metric('sibyl_results_written_total')).toBe(messages.length);
    expect(await fx.takeDeadLetters()).toEqual([]);
    await waitFor(async () => (await readiness()).status === 200, { description: 'ready again' });
  });

  it('a message that keeps failing is dead-lettered by the delivery limit, not requeued forever', async () => {
    const [message] = await fx.insertQueued([SAMPLE_TEXTS[4].text]);
    proxy.cut();
    await fx.publishRequested(message);
    const letters: GetMessage[] = [];
    await waitFor(async () => (letters.push(...(await fx.takeDeadLetters())), letters.length > 0), {
      timeoutMs: 60_000,
      description: 'the broker to dead-letter the message',
    });
    proxy.restore();
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter.properties.messageId).toBe(message.trackingId);
    expect(letter.properties.headers?.['x-first-death-reason']).toBe('delivery_limit');
    expect(letter.properties.headers?.[DEAD_LETTER_REASON_HEADER]).toBeUndefined();
    expect(await predictor.metric('sibyl_messages_requeued_total')).toBeGreaterThanOrEqual(5);
    expect(predictor.running).toBe(true);
    // still pending: the gateway's outbox relay republishes it later
    await waitFor(async () => (await readiness()).status === 200);
    expect((await fx.find([message.trackingId])).has(message.trackingId)).toBe(false);
  });
});
