import { parsePredictionRequestedV1 } from '@sibyl/contracts';
import { OUTBOX_CURSORS_COLLECTION, SWEEP_CURSOR_ID } from '@sibyl/persistence';
import { uniqueNamespace, waitFor } from '@sibyl/testing';
import { Channel, ChannelModel, connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import {
  gatewayBehindBrokerProxy,
  RABBITMQ_URL,
  RunningGateway,
  startGateway,
} from './gateway.harness';

interface StoredDoc {
  _id: string;
  text: string;
  submittedAt: Date;
  publishAttempts: number;
}

/** Drains the queue, returning `messageId → attempt` of every message. */
async function drain(channel: Channel, queue: string): Promise<Map<string, number[]>> {
  const seen = new Map<string, number[]>();
  for (;;) {
    const message = await channel.get(queue, { noAck: true });
    if (!message) return seen;
    const parsed = parsePredictionRequestedV1(message.content);
    if (!parsed.ok) throw new Error(parsed.reason);
    seen.set(parsed.value.trackingId, [
      ...(seen.get(parsed.value.trackingId) ?? []),
      parsed.value.attempt,
    ]);
  }
}

/** Stores a request as a gateway would, stamped `ageMs` ago, published once (never by this test's gateway). */
async function storeRequest(
  db: RunningGateway['db'],
  text: string,
  ageMs: number,
): Promise<StoredDoc> {
  const request = {
    _id: randomUUID(),
    text,
    submittedAt: new Date(Date.now() - ageMs),
    publishAttempts: 1,
  };
  await db.collection<StoredDoc>('predictions').insertOne(request);
  return request;
}

describe('gateway: broker unreachable while requests are submitted', () => {
  const stack = gatewayBehindBrokerProxy();
  let amqp: ChannelModel;
  let channel: Channel;

  beforeAll(async () => {
    amqp = await connect(RABBITMQ_URL);
    channel = await amqp.createChannel();
  });

  afterAll(async () => {
    await amqp?.close();
  });

  it('accepts (202) and stores requests while the broker is cut off, then the relay publishes each once', async () => {
    stack.proxy.cut();
    // The broker is reported, not gating: the gateway stays ready (it stores, the outbox publishes later).
    const ready = await waitFor(
      async () => {
        const response = await fetch(`${stack.gateway.url}/health/ready`);
        const body = (await response.json()) as {
          details: Record<string, { status: string }>;
          broker: { connected: boolean; gating: boolean; publisherChannel: string };
        };
        return body.broker.connected ? undefined : { status: response.status, body };
      },
      { timeoutMs: 15000, description: 'readiness to report the broker disconnected' },
    );
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      outbox: { status: 'up' },
    });
    expect(ready.body.broker).toMatchObject({ gating: false, publisherChannel: 'closed' });

    const singles = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const response = await stack.gateway.postJson(`${stack.gateway.url}/v1/predictions`, {
          text: `during the outage ${i}`,
        });
        expect(response.status).toBe(202);
        return ((await response.json()) as { trackingId: string }).trackingId;
      }),
    );
    const batch = await stack.gateway.postJson(`${stack.gateway.url}/v1/predictions/batch`, {
      texts: Array.from({ length: 10 }, (_, i) => `batch ${i}`),
    });
    expect(batch.status).toBe(202);
    const ids = [
      ...singles,
      ...((await batch.json()) as { items: Array<{ trackingId: string }> }).items.map(
        (i) => i.trackingId,
      ),
    ];

    // Stored, not published: nothing reached the queue.
    const docs = await stack.gateway.db.collection<StoredDoc>('predictions').find({}).toArray();
    expect(docs).toHaveLength(30);
    expect(docs.every((d) => d.publishAttempts === 1)).toBe(true);
    expect((await channel.checkQueue(stack.gateway.names.requestsQueue)).messageCount).toBe(0);
    expect(await (await stack.gateway.fetch(`${stack.gateway.url}/metrics`)).text()).toMatch(
      /^sibyl_outbox_backlog 30$/m,
    );

    stack.proxy.restore();
    await waitFor(
      async () => (await channel.checkQueue(stack.gateway.names.requestsQueue)).messageCount >= 30,
      {
        timeoutMs: 30000,
        description: 'the relay to publish the 30 requests',
      },
    );
    const published = await drain(channel, stack.gateway.names.requestsQueue);
    expect(new Set(published.keys())).toEqual(new Set(ids));
    // Each was retried once, from memory (no database write): attempt 2.
    expect(
      [...published.values()].every((attempts) => attempts.length === 1 && attempts[0] === 2),
    ).toBe(true);
    expect((await stack.gateway.fetch(`${stack.gateway.url}/health/ready`)).status).toBe(200);
    expect(await (await stack.gateway.fetch(`${stack.gateway.url}/metrics`)).text()).toMatch(
      /^sibyl_outbox_backlog 0$/m,
    );
  });
});

describe('gateway: outbox relay recovery', () => {
  it('publishes, at start-up, requests a crashed gateway stored but never published', async () => {
    const namespace = uniqueNamespace('gw-crash');
    // A first gateway stores a request "and crashes": write it as it would, then start a gateway on the same database.
    const first = await startGateway({ AMQP_NAMESPACE: namespace });
    const orphan = await storeRequest(first.db, 'left behind', 60_000);
    await first.close({ cleanUp: false });
    const second = await startGateway({
      AMQP_NAMESPACE: namespace,
      MONGODB_URI: first.env.MONGODB_URI,
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_REPUBLISH_AFTER_MS: '5000',
    });
    const amqp = await connect(RABBITMQ_URL);
    try {
      const channel = await amqp.createChannel();
      const message = await waitFor(
        async () => (await channel.get(second.names.requestsQueue, { noAck: true })) || undefined,
        {
          timeoutMs: 15000,
          description: 'the orphan to be published',
        },
      );
      expect(message.properties.messageId).toBe(orphan._id);
      expect(parsePredictionRequestedV1(message.content)).toMatchObject({
        ok: true,
        value: { trackingId: orphan._id, attempt: 2, text: 'left behind' },
      });
      await waitFor(
        async () =>
          (await second.db.collection<StoredDoc>('predictions').findOne({ _id: orphan._id }))
            ?.publishAttempts === 2,
        {
          timeoutMs: 10000,
          description: 'the sweep to record the attempt',
        },
      );
    } finally {
      await amqp.close();
      await second.close();
    }
  });

  it('republishes, as attempt 2, a request without a result OUTBOX_REPUBLISH_AFTER_MS after submission (lost message), and only that one', async () => {
    // A first gateway accepts both requests and cannot republish during the test; both messages are lost and one
    // request gets its result; only then does a gateway with a short republish window take over. So the finished
    // request has its result before any gateway may republish it, however slow the machine is.
    const namespace = uniqueNamespace('gw-lost');
    const first = await startGateway({
      AMQP_NAMESPACE: namespace,
      OUTBOX_REPUBLISH_AFTER_MS: '600000',
    });
    let firstOpen = true;
    let takeover: RunningGateway | undefined;
    const amqp = await connect(RABBITMQ_URL);
    try {
      const channel = await amqp.createChannel();
      const submit = async (text: string) =>
        (
          (await (await first.postJson(`${first.url}/v1/predictions`, { text })).json()) as {
            trackingId: string;
          }
        ).trackingId;
      const lost = await submit('lost in the broker');
      const finished = await submit('finished meanwhile');
      await waitFor(
        async () => (await channel.checkQueue(first.names.requestsQueue)).messageCount === 2,
        { description: 'both published' },
      );
      await channel.purgeQueue(first.names.requestsQueue); // both messages are lost...
      const submittedAt = (
        await first.db.collection<StoredDoc>('predictions').findOne({ _id: finished })
      )?.submittedAt;
      await first.db.collection('prediction_results').insertOne({
        _id: finished as never,
        status: 'done',
        submittedAt,
        completedAt: new Date(),
      });
      await first.close({ cleanUp: false });
      firstOpen = false;
      const gateway = await startGateway({
        AMQP_NAMESPACE: namespace,
        MONGODB_URI: first.env.MONGODB_URI,
        OUTBOX_REPUBLISH_AFTER_MS: '1500',
        OUTBOX_INTERVAL_MS: '200',
      });
      takeover = gateway;
      // ...but one of them has its result
      const message = await waitFor(
        async () => (await channel.get(gateway.names.requestsQueue, { noAck: true })) || undefined,
        {
          timeoutMs: 20000,
          description: 'the republished message',
        },
      );
      expect(parsePredictionRequestedV1(message.content)).toMatchObject({
        ok: true,
        value: { trackingId: lost, attempt: 2 },
      });
      const doc = await waitFor(
        async () => {
          const current = await gateway.db
            .collection<StoredDoc>('predictions')
            .findOne({ _id: lost });
          return current?.publishAttempts === 2 ? current : undefined;
        },
        { timeoutMs: 10000 },
      );
      expect(doc.text).toBe('lost in the broker');
      // Later sweeps keep republishing the one without a result, a period apart, never the finished one.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const later = await drain(channel, gateway.names.requestsQueue);
      expect([...later.keys()].every((id) => id === lost)).toBe(true);
      expect(later.get(lost)?.every((attempt) => attempt >= 3)).not.toBe(false);
    } finally {
      await amqp.close();
      if (firstOpen) await first.close();
      await takeover?.close();
    }
  });

  it('republishes a request stored after a sweep whose cutoff it predates (a slow insert), not left behind the cursor', async () => {
    const gateway = await startGateway({
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_REPUBLISH_AFTER_MS: '1000',
    });
    const amqp = await connect(RABBITMQ_URL);
    try {
      // The start-up sweep has run once the cursor exists; its cutoff was now - 1 s.
      await waitFor(
        async () =>
          (await gateway.db
            .collection<{ _id: string }>(OUTBOX_CURSORS_COLLECTION)
            .findOne({ _id: SWEEP_CURSOR_ID })) ?? undefined,
        { timeoutMs: 15000, description: 'the start-up sweep' },
      );
      // A request stamped 5 s ago whose insert lands only now (a group waiting, a busy database).
      const slow = await storeRequest(gateway.db, 'stored late', 5000);
      const channel = await amqp.createChannel();
      const message = await waitFor(
        async () => (await channel.get(gateway.names.requestsQueue, { noAck: true })) || undefined,
        { timeoutMs: 15000, description: 'the late-stored request to be republished' },
      );
      expect(parsePredictionRequestedV1(message.content)).toMatchObject({
        ok: true,
        value: { trackingId: slow._id, attempt: 2, text: 'stored late' },
      });
    } finally {
      await amqp.close();
      await gateway.close();
    }
  });

  it('stores a request as failed after OUTBOX_MAX_ATTEMPTS publishes without a result', async () => {
    const gateway = await startGateway({
      OUTBOX_REPUBLISH_AFTER_MS: '1000',
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_MAX_ATTEMPTS: '2',
    });
    const amqp = await connect(RABBITMQ_URL);
    try {
      const channel = await amqp.createChannel();
      const { trackingId } = (await (
        await gateway.postJson(`${gateway.url}/v1/predictions`, {
          text: 'dead-lettered every time',
        })
      ).json()) as { trackingId: string };
      for (const attempt of [1, 2]) {
        const message = await waitFor(
          async () =>
            (await channel.get(gateway.names.requestsQueue, { noAck: true })) || undefined,
          {
            timeoutMs: 20000,
            description: `publish #${attempt}`,
          },
        );
        expect(parsePredictionRequestedV1(message.content)).toMatchObject({
          ok: true,
          value: { trackingId, attempt },
        });
      }
      const view = await waitFor(
        async () => {
          const body = (await (
            await gateway.fetch(`${gateway.url}/v1/predictions/${trackingId}`)
          ).json()) as { status: string; error: string | null };
          return body.status === 'failed' ? body : undefined;
        },
        { timeoutMs: 20000, description: 'the failed result' },
      );
      expect(view.error).toMatch(/maximum number of publishes/);
      expect(await (await gateway.fetch(`${gateway.url}/metrics`)).text()).toMatch(
        /^sibyl_outbox_gave_up_total 1$/m,
      );
    } finally {
      await amqp.close();
      await gateway.close();
    }
  });
});
