import { requestsQueueArguments } from '@sibyl/amqp';
import { waitFor } from '@sibyl/testing';
import { Channel, ChannelModel, connect } from 'amqplib';
import {
  gatewayBehindBrokerProxy,
  RABBITMQ_URL,
  RunningGateway,
  startGateway,
} from './gateway.harness';

/** A readiness body as the gateway writes it. */
interface Readiness {
  status: number;
  details: Record<string, { status: string; message?: string; backlogBytes?: number }>;
  broker: { connected: boolean; publisherChannel: string; topology: string; gating: boolean };
}

const readiness = async (gateway: RunningGateway): Promise<Readiness> => {
  const response = await gateway.fetch(`${gateway.url}/health/ready`);
  return { ...((await response.json()) as Omit<Readiness, 'status'>), status: response.status };
};

const submit = async (gateway: RunningGateway, text: string): Promise<string> => {
  const response = await gateway.postJson(`${gateway.url}/v1/predictions`, { text });
  expect(response.status).toBe(202);
  return ((await response.json()) as { trackingId: string }).trackingId;
};

/** Takes every message of the queue, returning their message ids. */
const takeAll = async (channel: Channel, queue: string): Promise<string[]> => {
  const ids: string[] = [];
  for (;;) {
    const message = await channel.get(queue, { noAck: true });
    if (!message) return ids;
    ids.push(String(message.properties.messageId));
  }
};

/**
 * The broker changes under a running gateway (an operator deletes or re-declares entities): publishing heals
 * itself, nothing is dropped silently, and readiness tells what it sees without gating on the broker.
 */
describe('gateway: self-healing publishing', () => {
  let gateway: RunningGateway;
  let amqp: ChannelModel;

  /** A fresh channel per operator action (a refused operation closes its channel). */
  const operator = async (action: (channel: Channel) => Promise<unknown>): Promise<void> => {
    const channel = await amqp.createChannel();
    channel.on('error', () => undefined);
    try {
      await action(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  };
  const collected = async (queue: string, ids: readonly string[]): Promise<void> => {
    const seen = new Set<string>();
    await waitFor(
      async () => {
        const channel = await amqp.createChannel();
        channel.on('error', () => undefined);
        (await takeAll(channel, queue).catch(() => [])).forEach((id) => seen.add(id));
        await channel.close().catch(() => undefined);
        return ids.every((id) => seen.has(id));
      },
      { timeoutMs: 30_000, intervalMs: 250, description: `${ids.length} messages in ${queue}` },
    );
  };

  beforeAll(async () => {
    gateway = await startGateway({
      PUBLISH_TIMEOUT_MS: '1000',
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_REPUBLISH_AFTER_MS: '600000',
      TOPOLOGY_CHECK_INTERVAL_MS: '1000',
    });
    amqp = await connect(RABBITMQ_URL);
  });
  afterAll(async () => {
    await amqp?.close();
    await gateway?.close();
  });

  it('re-opens the publisher channel the broker closed (publish to a deleted exchange) and publishes what failed', async () => {
    const { names } = gateway;
    await operator(async (channel) => {
      await channel.deleteQueue(names.requestsQueue);
      await channel.deleteExchange(names.requestsExchange);
    });
    const ids = [await submit(gateway, 'into a deleted exchange')];
    await waitFor(async () => (await readiness(gateway)).broker.publisherChannel === 'open', {
      timeoutMs: 15_000,
      description: 'the publisher channel to be re-opened',
    });
    ids.push(await submit(gateway, 'after the re-open'));
    await collected(names.requestsQueue, ids);
    expect((await readiness(gateway)).status).toBe(200);
  });

  it('treats a message routed to no queue (returned) as a failed publish and publishes it again', async () => {
    const { names } = gateway;
    await operator((channel) =>
      channel.unbindQueue(names.requestsQueue, names.requestsExchange, names.routingKey),
    );
    const id = await submit(gateway, 'routed nowhere');
    // The topology check binds the queue again within a second; the relay then republishes from memory.
    await collected(names.requestsQueue, [id]);
    const metrics = await (await gateway.fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^sibyl_outbox_relayed_total\{source="retry"\} [1-9]/m);
  });

  it('keeps accepting and publishing into a queue re-declared with other arguments, and reports the drift', async () => {
    const { names } = gateway;
    await operator(async (channel) => {
      await channel.deleteQueue(names.requestsQueue);
      await channel.assertQueue(names.requestsQueue, {
        durable: true,
        arguments: requestsQueueArguments(names, 6),
      });
      await channel.bindQueue(names.requestsQueue, names.requestsExchange, names.routingKey);
    });
    const drifted = await waitFor(
      async () => {
        const ready = await readiness(gateway);
        return ready.broker.topology.startsWith('mismatch') ? ready : undefined;
      },
      { timeoutMs: 15_000, description: 'readiness to report the drift' },
    );
    expect(drifted.status).toBe(200); // reported, not gating
    expect(drifted.broker.topology).toMatch(/PRECONDITION.FAILED.*x-delivery-limit/);
    expect(await (await gateway.fetch(`${gateway.url}/metrics`)).text()).toMatch(
      /^sibyl_topology_mismatch 1$/m,
    );
    const id = await submit(gateway, 'into the foreign queue');
    await collected(names.requestsQueue, [id]);

    await operator((channel) => channel.deleteQueue(names.requestsQueue));
    await waitFor(async () => (await readiness(gateway)).broker.topology === 'as declared', {
      timeoutMs: 15_000,
      description: 'the topology as declared again',
    });
    expect(await (await gateway.fetch(`${gateway.url}/metrics`)).text()).toMatch(
      /^sibyl_topology_mismatch 0$/m,
    );
  });
});

/**
 * A broker that cannot take publishes (cut off here; a memory alarm blocks the connection the same way): the
 * retry memory is bounded in bytes; at the bound submissions get 503 with Retry-After and readiness fails,
 * and both recover once the broker confirms again.
 */
describe('gateway: bounded publishing backlog', () => {
  const stack = gatewayBehindBrokerProxy({ OUTBOX_BACKLOG_MAX_BYTES: String(1024 * 1024) });

  it('answers 503 with Retry-After past the backlog bound, is not ready, and recovers', async () => {
    stack.proxy.cut();
    await waitFor(async () => !(await readiness(stack.gateway)).broker.connected, {
      timeoutMs: 15_000,
      description: 'the broker disconnected',
    });
    const text = 'x'.repeat(90 * 1024);
    let refused: Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const response = await stack.gateway.postJson(`${stack.gateway.url}/v1/predictions`, {
        text,
      });
      if (response.status === 503) refused = response;
      else expect(response.status).toBe(202);
    }
    expect(refused).toBeDefined();
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(((await refused?.json()) as { message: string }).message).toMatch(
      /publishing backlog full/,
    );
    const ready = await readiness(stack.gateway);
    expect(ready.status).toBe(503);
    expect(ready.details.outbox.status).toBe('down');
    expect(await (await stack.gateway.fetch(`${stack.gateway.url}/metrics`)).text()).toMatch(
      /^sibyl_outbox_backlog_bytes [1-9]\d{5,}$/m,
    );

    stack.proxy.restore();
    await waitFor(async () => (await readiness(stack.gateway)).status === 200, {
      timeoutMs: 30_000,
      description: 'ready again once the backlog is published',
    });
    expect(
      (
        await stack.gateway.postJson(`${stack.gateway.url}/v1/predictions`, {
          text: 'after the outage',
        })
      ).status,
    ).toBe(202);
  });
});
