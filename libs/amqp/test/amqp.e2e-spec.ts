import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagingNames, parsePredictionRequestedV1 } from '@sibyl/contracts';
import { TcpProxy, uniqueNamespace, waitFor } from '@sibyl/testing';
import { Channel, ChannelModel, connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { AMQP_NAMES } from '../src/amqp.constants';
import { AmqpModule } from '../src/amqp.module';
import { assertPredictionTopology } from '../src/prediction-topology';
import { PredictionPublisher } from '../src/prediction.publisher';
import { PublishRefusedError } from '../src/publish-errors';
import { deletePredictionTopology } from '../src/testing';

const RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
/**
 * Confirm timeout of the publisher under test: these tests expect confirms, and 200 parallel publishes into a
 * quorum queue can take seconds on a loaded machine (the gateway's own default is 5 s).
 */
const CONFIRM_TIMEOUT_MS = 15_000;

async function startContext(
  url: string,
  namespace: string,
  publishTimeoutMs = CONFIRM_TIMEOUT_MS,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    AmqpModule.forRoot({
      url,
      namespace,
      connectionName: 'amqp-e2e',
      deliveryLimit: 5,
      publishTimeoutMs,
    }),
    { logger: false },
  );
}

function request() {
  return {
    trackingId: randomUUID(),
    text: 'Hej världen',
    submittedAt: new Date().toISOString(),
    attempt: 1,
  };
}

describe('AmqpModule against the real RabbitMQ', () => {
  const namespace = uniqueNamespace('amqp-e2e');
  let context: INestApplicationContext;
  let names: MessagingNames;
  let raw: ChannelModel;

  /** A fresh raw channel whose errors (expected in some tests) do not crash the run. */
  async function rawChannel(): Promise<Channel> {
    const channel = await raw.createChannel();
    channel.on('error', () => undefined);
    return channel;
  }

  beforeAll(async () => {
    context = await startContext(RABBITMQ_URL, namespace);
    names = context.get<MessagingNames>(AMQP_NAMES);
    await context.get(PredictionPublisher).waitForConnect();
    raw = await connect(RABBITMQ_URL);
  });

  afterAll(async () => {
    await context?.close();
    await raw?.close();
    await deletePredictionTopology(RABBITMQ_URL, names);
  });

  it('declares the namespaced exchanges, quorum queues and bindings', async () => {
    expect(names.requestsQueue).toBe(`${namespace}.sibyl.v1.predictions.requested`);
    const channel = await rawChannel();
    await expect(channel.checkQueue(names.requestsQueue)).resolves.toMatchObject({
      queue: names.requestsQueue,
    });
    await expect(channel.checkQueue(names.deadLetterQueue)).resolves.toMatchObject({
      queue: names.deadLetterQueue,
    });
    await channel.checkExchange(names.requestsExchange);
    await channel.checkExchange(names.deadLetterExchange);
    // Idempotent: the same declaration again succeeds.
    await assertPredictionTopology(channel, names, { deliveryLimit: 5 });
    await channel.close();
  });

  it('declares the requests queue with exactly the shared arguments (others are refused)', async () => {
    const channel = await rawChannel();
    await expect(assertPredictionTopology(channel, names, { deliveryLimit: 6 })).rejects.toThrow(
      /PRECONDITION_FAILED/,
    );
  });

  it('routes the dead-letter exchange to the dead-letter queue', async () => {
    const channel = await rawChannel();
    channel.publish(names.deadLetterExchange, 'anything', Buffer.from('dead'));
    const message = await waitFor(
      async () => (await channel.get(names.deadLetterQueue, { noAck: true })) || undefined,
      { timeoutMs: 30_000 },
    );
    expect(message.content.toString()).toBe('dead');
    await channel.close();
  });

  it('confirms a publish that then waits in the requests queue with the right properties', async () => {
    const publisher = context.get(PredictionPublisher);
    const sent = request();
    await publisher.publishRequested(sent);
    const channel = await rawChannel();
    const message = await waitFor(
      async () => (await channel.get(names.requestsQueue, { noAck: true })) || undefined,
      { timeoutMs: 30_000 },
    );
    expect(message.properties).toMatchObject({
      messageId: sent.trackingId,
      type: 'prediction.requested.v1',
      contentType: 'application/json',
      deliveryMode: 2,
      appId: 'amqp-e2e',
    });
    expect(parsePredictionRequestedV1(message.content)).toEqual({
      ok: true,
      value: expect.objectContaining(sent),
    });
    await channel.close();
  });

  it('confirms many publishes in parallel', async () => {
    const requests = Array.from({ length: 200 }, request);
    const outcomes = await context.get(PredictionPublisher).publishMany(requests);
    expect(outcomes.every((o) => o.confirmed)).toBe(true);
    const channel = await rawChannel();
    await waitFor(
      async () => (await channel.checkQueue(names.requestsQueue)).messageCount === 200,
      { timeoutMs: 30_000 },
    );
    await channel.purgeQueue(names.requestsQueue);
    await channel.close();
  });

  it('refuses publishes while the broker is unreachable and confirms again after it returns', async () => {
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(RABBITMQ_URL).port || 5672));
    const port = await proxy.start();
    const url = new URL(RABBITMQ_URL);
    url.host = `127.0.0.1:${port}`;
    const proxied = await startContext(url.toString(), namespace, 1000);
    try {
      const publisher = proxied.get(PredictionPublisher);
      await publisher.waitForConnect();
      proxy.cut();
      await waitFor(() => !publisher.connected, { timeoutMs: 15000 });
      await expect(publisher.publishRequested(request())).rejects.toBeInstanceOf(
        PublishRefusedError,
      );
      proxy.restore();
      await waitFor(() => publisher.connected, { timeoutMs: 15000 });
      await publisher.waitForConnect();
      await expect(publisher.publishRequested(request())).resolves.toBeUndefined();
    } finally {
      await proxied.close();
      await proxy.stop();
    }
  });
});
