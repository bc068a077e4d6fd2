import { parsePredictionRequestedV1, PredictionView, QueueStatsView } from '@sibyl/contracts';
import { waitFor } from '@sibyl/testing';
import { Channel, ChannelModel, connect, GetMessage } from 'amqplib';
import { RABBITMQ_URL, RunningGateway, startGateway } from './gateway.harness';

interface StoredDoc {
  _id: string;
  text: string;
  submittedAt: Date;
  publishAttempts: number;
}

interface StoredResult {
  _id: string;
  status: string;
  feedback: { language: string; comment?: string } | null;
}

/**
 * Cap of `?wait=` in this suite: room for the safety re-check (every second) to find a result written during the
 * wait on a loaded machine, where the write and the first re-checks can take seconds.
 */
const MAX_WAIT_MS = 10_000;

describe('gateway: submit stores, then publishes with confirms', () => {
  let gateway: RunningGateway;
  let amqp: ChannelModel;
  let channel: Channel;

  const predictions = () => `${gateway.url}/v1/predictions`;
  const stored = (id: string) =>
    gateway.db.collection<StoredDoc>('predictions').findOne({ _id: id });
  const nextMessage = () =>
    waitFor(
      async () => (await channel.get(gateway.names.requestsQueue, { noAck: true })) || undefined,
      { timeoutMs: 10000, description: 'a message' },
    );

  async function submit(text: string): Promise<string> {
    const response = await gateway.postJson(predictions(), { text });
    expect(response.status).toBe(202);
    return ((await response.json()) as { trackingId: string }).trackingId;
  }

  beforeAll(async () => {
    gateway = await startGateway({
      MAX_WAIT_MS: String(MAX_WAIT_MS),
      // Below MAX_WAIT_MS: no predictor announces the result this suite writes, so the safety
      // re-check is what ends the long poll (the announcement path: predictor completion-push e2e).
      WAIT_SAFETY_RECHECK_MS: '1000',
      OUTBOX_REPUBLISH_AFTER_MS: '600000',
    });
    amqp = await connect(RABBITMQ_URL);
    channel = await amqp.createChannel();
  });

  afterAll(async () => {
    await amqp?.close();
    await gateway?.close();
  });

  /**
   * Waits until every accepted request is confirmed by the broker (`sibyl_outbox_backlog 0`): a publish whose
   * confirm is late on a loaded machine is published again, and would otherwise land in a later test's queue.
   */
  const publishingSettled = () =>
    waitFor(
      async () =>
        /^sibyl_outbox_backlog 0$/m.test(
          await (await gateway.fetch(`${gateway.url}/metrics`)).text(),
        ),
      { timeoutMs: 30_000, description: 'every accepted request confirmed by the broker' },
    );

  afterEach(async () => {
    await publishingSettled();
    await channel.purgeQueue(gateway.names.requestsQueue);
  });

  it('stores the request and publishes a persistent prediction.requested.v1 to the namespaced queue', async () => {
    const before = Date.now();
    const id = await submit('Alla människor är födda fria och lika i värde och rättigheter.');
    const message: GetMessage = await nextMessage();
    // The document exists by the time its message can be consumed.
    const doc = (await stored(id)) as StoredDoc;
    expect(doc).toEqual({
      _id: id,
      owner: expect.stringMatching(/^[0-9a-f]{64}$/),
      text: 'Alla människor är födda fria och lika i värde och rättigheter.',
      submittedAt: expect.any(Date),
      publishAttempts: 1,
    });
    expect(doc.submittedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(message.fields.routingKey).toBe('prediction.requested.v1');
    expect(message.fields.exchange).toBe(gateway.names.requestsExchange);
    expect(message.properties).toMatchObject({
      messageId: id,
      type: 'prediction.requested.v1',
      contentType: 'application/json',
      deliveryMode: 2,
      appId: 'sibyl-gateway',
    });
    expect(parsePredictionRequestedV1(message.content)).toEqual({
      ok: true,
      value: expect.objectContaining({
        v: 1,
        trackingId: id,
        attempt: 1,
        submittedAt: doc.submittedAt.toISOString(),
      }),
    });
  });

  it('stores and publishes a batch, one message per text', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => `text number ${i}`);
    const response = await gateway.postJson(`${predictions()}/batch`, { texts });
    expect(response.status).toBe(202);
    const { items } = (await response.json()) as { items: Array<{ trackingId: string }> };
    const ids = items.map((item) => item.trackingId);
    await waitFor(
      async () => (await channel.checkQueue(gateway.names.requestsQueue)).messageCount === 50,
      { timeoutMs: 10000 },
    );
    const messages: string[] = [];
    for (let i = 0; i < 50; i++) {
      const message = await channel.get(gateway.names.requestsQueue, { noAck: true });
      if (message) messages.push(message.properties.messageId as string);
    }
    expect(new Set(messages)).toEqual(new Set(ids));
    const docs = await gateway.db
      .collection<StoredDoc>('predictions')
      .find({ _id: { $in: ids } })
      .toArray();
    expect(docs.map((d) => d.text).sort()).toEqual([...texts].sort());
  });

  it('handles concurrent submissions (grouped inserts) without losing any', async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => submit(`concurrent ${i}`)));
    expect(new Set(ids).size).toBe(200);
    await waitFor(
      async () => (await channel.checkQueue(gateway.names.requestsQueue)).messageCount === 200,
      { timeoutMs: 15000 },
    );
    const count = await gateway.db
      .collection<StoredDoc>('predictions')
      .countDocuments({ _id: { $in: ids } });
    expect(count).toBe(200);
  });

  it('reads a queued prediction, and long-polls until the safety re-check finds the unannounced result', async () => {
    const id = await submit('Hola mundo');
    const queued = (await (await gateway.fetch(`${predictions()}/${id}`)).json()) as PredictionView;
    expect(queued).toMatchObject({
      trackingId: id,
      status: 'queued',
      language: null,
      confidence: null,
      top: [],
      completedAt: null,
    });
    const waiting = gateway
      .fetch(`${predictions()}/${id}?wait=${MAX_WAIT_MS}`)
      .then((r) => r.json() as Promise<PredictionView>);
    // The long poll is registered before the result exists (a condition, not a pause: on a busy machine the
    // request could otherwise be read after the write, answered at once, and the wake path not tested at all).
    await waitFor(
      async () =>
        /^sibyl_long_poll_waiters 1$/m.test(
          await (await gateway.fetch(`${gateway.url}/metrics`)).text(),
        ),
      { timeoutMs: 10000, description: 'the long poll to be registered' },
    );
    // Write the result as a predictor does (an insert keyed by the tracking id), but announce nothing.
    const submittedAt = (await stored(id))?.submittedAt;
    await gateway.db.collection<StoredResult>('prediction_results').insertOne({
      _id: id,
      owner: expect.stringMatching(/^[0-9a-f]{64}$/),
      status: 'done',
      submittedAt,
      completedAt: new Date(),
      language: 'es',
      languageName: 'Spanish',
      nativeName: 'Español',
      confidence: 0.93,
      top: [
        { language: 'es', score: 0.93 },
        { language: 'pt', score: 0.05 },
        { language: 'it', score: 0.02 },
      ],
      modelVersion: 'test-model',
      error: null,
      feedback: null,
    } as StoredResult);
    // 'done' (not 'queued') proves the write ended the wait: a wait that runs out answers the queued state.
    const done = await waiting;
    expect(done).toMatchObject({
      trackingId: id,
      status: 'done',
      language: 'es',
      languageName: 'Spanish',
      nativeName: 'Español',
      confidence: 0.93,
      modelVersion: 'test-model',
    });
    expect(done.top).toHaveLength(3);
    expect(done.completedAt).toEqual(expect.any(String));

    expect(
      (
        await gateway.postJson(`${predictions()}/${id}/feedback`, {
          language: 'pt',
          comment: 'it was Portuguese',
        })
      ).status,
    ).toBe(204);
    const result = await gateway.db
      .collection<StoredResult>('prediction_results')
      .findOne({ _id: id });
    expect(result?.feedback).toMatchObject({ language: 'pt', comment: 'it was Portuguese' });
  });

  it('caps ?wait= at MAX_WAIT_MS and then answers the queued state', async () => {
    const id = await submit('still waiting');
    const started = Date.now();
    const response = await gateway.fetch(`${predictions()}/${id}?wait=600000`);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(200);
    expect(((await response.json()) as PredictionView).status).toBe('queued');
    // At least the cap (a timer), and far below the 600 s asked for; no bound that assumes a fast machine.
    expect(elapsed).toBeGreaterThanOrEqual(MAX_WAIT_MS - 100);
    expect(elapsed).toBeLessThan(60_000);
  });

  it('reports the queue: ready and consumers over AMQP, unacked and rates from the management API', async () => {
    await submit('one');
    await submit('two');
    const stats = await waitFor(
      async () => {
        const current = (await (
          await gateway.fetch(`${gateway.url}/v1/queue`)
        ).json()) as QueueStatsView;
        if (current.ready !== 2) throw new Error(`last seen ${JSON.stringify(current)}`);
        return current;
      },
      { timeoutMs: 10000, description: 'the two messages ready' },
    );
    expect(stats).toMatchObject({ ready: 2, consumers: 0, deadLettered: 0, unavailable: [] });
    expect(typeof stats.unacked).toBe('number');
    expect(typeof stats.publishRate).toBe('number');
    expect(typeof stats.deliverRate).toBe('number');
    await publishingSettled(); // the confirms may reach the gateway just after the broker shows the messages
    const metrics = await (await gateway.fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^sibyl_queue_messages_ready 2$/m);
    expect(metrics).toMatch(/^sibyl_queue_consumers 0$/m);
    expect(metrics).toMatch(/^sibyl_dead_lettered_messages 0$/m);
    expect(metrics).toMatch(/^sibyl_outbox_backlog 0$/m);
    expect(metrics).toMatch(/^sibyl_publish_confirm_seconds_count [1-9]\d*$/m);
    expect(metrics).toMatch(/^sibyl_process_cpu_user_seconds_total /m);
  });

  it('is live and ready, and serves the OpenAPI UI', async () => {
    expect((await gateway.fetch(`${gateway.url}/health/live`)).status).toBe(200);
    const ready = await gateway.fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, outbox: { status: 'up' } },
      broker: {
        gating: false,
        connected: true,
        blocked: null,
        publisherChannel: 'open',
        topology: 'as declared',
      },
    });
    const docs = await gateway.fetch(`${gateway.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });
});

describe('gateway: queue stats without the management API', () => {
  it('marks unacked and rates unavailable (null) and still reports AMQP figures', async () => {
    const gateway = await startGateway({
      RABBITMQ_MANAGEMENT_URL: 'http://guest:guest@127.0.0.1:1',
    });
    try {
      const stats = (await (
        await gateway.fetch(`${gateway.url}/v1/queue`)
      ).json()) as QueueStatsView;
      expect(stats).toEqual({
        ready: 0,
        consumers: 0,
        deadLettered: 0,
        unacked: null,
        publishRate: null,
        deliverRate: null,
        unavailable: ['unacked', 'publishRate', 'deliverRate'],
      });
      expect(await (await gateway.fetch(`${gateway.url}/metrics`)).text()).toMatch(
        /^sibyl_queue_messages_unacked NaN$/im,
      );
    } finally {
      await gateway.close();
    }
  });
});
