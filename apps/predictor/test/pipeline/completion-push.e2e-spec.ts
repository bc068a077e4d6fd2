import { createTestApiKey } from '@sibyl/auth/testing';
import { PredictionStatus } from '@sibyl/contracts';
import { type ChildApp, waitFor } from '@sibyl/testing';
import { EventStreamClient } from '../support/event-stream.client';
import { GatewayClient } from '../support/gateway.client';
import { PredictionFixture } from '../support/prediction.fixture';
import { SAMPLE_TEXTS } from '../support/test-model';

/** Far beyond every wait of these tests: a long poll answered "done" was woken by an announcement. */
const SAFETY_RECHECK_MS = 60_000;
const WAIT_MS = 30_000;

/** Completions pushed, not polled: predictor → completed fanout exchange → gateway → client. */
describe('pipeline: pushed completions', () => {
  let fx: PredictionFixture;
  let gateway: ChildApp;
  let api: GatewayClient;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pipe-push');
    gateway = await fx.startGateway({
      WAIT_SAFETY_RECHECK_MS: String(SAFETY_RECHECK_MS),
      MAX_WAIT_MS: String(WAIT_MS),
      MAX_EVENT_STREAMS_PER_KEY: '2',
    });
    api = new GatewayClient(gateway.url, await fx.apiKey());
  });
  afterAll(() => fx?.dispose());

  it('wakes long polls on the completion announcement, without polling the database', async () => {
    const ids = await api.submitBatch(SAMPLE_TEXTS.slice(0, 3).map((sample) => sample.text));
    const started = Date.now();
    const answers = Promise.all(ids.map((id) => api.get(id, WAIT_MS)));
    // The waiters are registered before any predictor runs: only an announcement can wake them.
    await waitFor(async () => (await gateway.metric('sibyl_long_poll_waiters')) === ids.length, {
      timeoutMs: 10_000,
      description: 'long polls registered',
    });
    await fx.startPredictor('predictor');
    const views = await answers;
    const elapsedMs = Date.now() - started;

    expect(views.map((view) => view.body.status)).toEqual(ids.map(() => PredictionStatus.Done));
    expect(elapsedMs).toBeLessThan(WAIT_MS);
    expect(await gateway.metric('sibyl_long_poll_wakes_total', { by: 'event' })).toBe(ids.length);
    expect(await gateway.metric('sibyl_long_poll_wakes_total', { by: 'safety_check' })).toBe(0);
    expect(await gateway.metric('sibyl_long_poll_lookups_total', { trigger: 'safety_check' })).toBe(
      0,
    );
    // One lookup per announced awaited id, nothing more.
    expect(await gateway.metric('sibyl_long_poll_lookups_total', { trigger: 'event' })).toBe(
      ids.length,
    );
    expect(await gateway.metric('sibyl_long_poll_waiters')).toBe(0);
  });

  it("streams a key's own completions and never another key's", async () => {
    const aliceKey = await fx.apiKey();
    const bob = await createTestApiKey(fx.mongoUri, { scopes: ['predict', 'read'] });
    const alice = await EventStreamClient.open(`${gateway.url}/v1/predictions/events`, aliceKey);
    const bobs = await EventStreamClient.open(`${gateway.url}/v1/predictions/events`, bob.key);
    try {
      expect(alice.response.status).toBe(200);
      expect(alice.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(alice.response.headers.get('cache-control')).toMatch(/no-cache/);
      expect(alice.response.headers.get('x-content-type-options')).toBe('nosniff');
      await alice.until((events) => events.some((event) => event.type === 'ready'));
      await bobs.until((events) => events.some((event) => event.type === 'ready'));
      expect(alice.of('ready')[0].data).toMatchObject({ live: true });

      const aliceIds = await api.submitBatch(SAMPLE_TEXTS.map((sample) => sample.text));
      const bobIds = await new GatewayClient(gateway.url, bob.key).submitBatch(['Hej världen']);
      await alice.until((events) => events.filter((e) => e.type === 'completed').length >= 4);
      await bobs.until((events) => events.some((event) => event.type === 'completed'));

      const completed = alice.of('completed');
      expect(completed.map((event) => event.id).sort()).toEqual([...aliceIds].sort());
      expect(completed[0].data).toEqual({
        trackingId: completed[0].id,
        status: PredictionStatus.Done,
        language: expect.any(String),
        confidence: expect.any(Number),
        modelVersion: expect.any(String),
        completedAt: expect.any(String),
      });
      expect(bobs.of('completed').map((event) => event.id)).toEqual(bobIds);
      // Nothing of Bob's reached Alice's stream, even later.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(alice.of('completed').map((event) => event.id)).not.toContain(bobIds[0]);
      expect(await gateway.metric('sibyl_event_streams_open')).toBe(2);
    } finally {
      alice.close();
      bobs.close();
    }
  });

  it('refuses a key more than MAX_EVENT_STREAMS_PER_KEY streams (429), and streams need the read scope', async () => {
    const key = await fx.apiKey();
    const url = `${gateway.url}/v1/predictions/events`;
    const open = [await EventStreamClient.open(url, key), await EventStreamClient.open(url, key)];
    try {
      await Promise.all(open.map((stream) => stream.until((events) => events.length > 0)));
      const third = await EventStreamClient.open(url, key);
      expect(third.response.status).toBe(429);
      expect(await third.response.json()).toMatchObject({
        message: expect.stringMatching(/MAX_EVENT_STREAMS_PER_KEY/),
      });
      const writer = await createTestApiKey(fx.mongoUri, { scopes: ['predict'] });
      const refused = await EventStreamClient.open(url, writer.key);
      expect(refused.response.status).toBe(403);
    } finally {
      open.forEach((stream) => stream.close());
    }
  });

  it('streams through the Fastify adapter too', async () => {
    const fastify = await fx.startGateway({ HTTP_ADAPTER: 'fastify' });
    const key = await fx.apiKey();
    const stream = await EventStreamClient.open(`${fastify.url}/v1/predictions/events`, key);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.response.headers.get('x-content-type-options')).toBe('nosniff');
      await stream.until((events) => events.some((event) => event.type === 'ready'));
      const [id] = await new GatewayClient(fastify.url, key).submitBatch(['Bonjour le monde']);
      await stream.until((events) => events.some((event) => event.id === id));
    } finally {
      stream.close();
    }
  });
});
