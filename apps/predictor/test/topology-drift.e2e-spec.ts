import { requestsQueueArguments } from '@sibyl/amqp';
import { type ChildApp, waitFor } from '@sibyl/testing';
import { connect } from 'amqplib';
import { PredictionFixture } from './support/prediction.fixture';
import { SAMPLE_TEXTS } from './support/test-model';

/** A readiness report as terminus writes it. */
interface Readiness {
  status: number;
  details: Record<string, { status: string; message?: string }>;
}

/**
 * An operator deletes the requests queue, or deletes it and declares it again with other arguments (same
 * name, same binding): the predictor subscribes again, keeps serving with the queue as it exists, and reports
 * the drift loudly (readiness, metric) until the queue is as declared again. No request is stuck.
 */
describe('predictor: requests queue deleted or re-declared by an operator', () => {
  let fx: PredictionFixture;
  let predictor: ChildApp;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pred-drift');
    predictor = await fx.startPredictor('predictor', {
      TOPOLOGY_CHECK_INTERVAL_MS: '2000',
      STALL_TIMEOUT_MS: '5000',
      PREFETCH: '4', // a consumer left on a re-created queue takes at most this many; the rest stay ready
      BATCH_MAX_SIZE: '4',
    });
  });
  afterAll(() => fx?.dispose());

  const readiness = async (): Promise<Readiness> => {
    const response = await fetch(`${predictor.url}/health/ready`);
    const body = (await response.json()) as { details: Readiness['details'] };
    return { status: response.status, details: body.details };
  };

  /** What an operator does on the management UI: delete the queue, optionally declare it again. */
  const operator = async (redeclare?: Record<string, unknown>): Promise<void> => {
    const connection = await connect(fx.rabbitUrl);
    try {
      const channel = await connection.createChannel();
      await channel.deleteQueue(fx.names.requestsQueue);
      if (redeclare) {
        await channel.assertQueue(fx.names.requestsQueue, { durable: true, arguments: redeclare });
        await channel.bindQueue(
          fx.names.requestsQueue,
          fx.names.requestsExchange,
          fx.names.routingKey,
        );
      }
      await channel.close();
    } finally {
      await connection.close();
    }
  };

  /** Consumers of the requests queue, on a channel of its own (a missing queue closes the channel). */
  const consumers = async (): Promise<number> => {
    const connection = await connect(fx.rabbitUrl);
    try {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      return (await channel.checkQueue(fx.names.requestsQueue)).consumerCount;
    } catch {
      return 0;
    } finally {
      await connection.close().catch(() => undefined);
    }
  };

  const submitAndWait = async (): Promise<void> => {
    const messages = await fx.insertQueued(SAMPLE_TEXTS.map((s) => s.text));
    for (const message of messages) await fx.publishRequested(message);
    const docs = await fx.waitFinished(
      messages.map((m) => m.trackingId),
      30_000,
    );
    messages.forEach((message, index) =>
      expect(docs.get(message.trackingId)).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[index].language,
      }),
    );
  };

  it('subscribes again after the queue is deleted (the queue is declared again)', async () => {
    await operator();
    await waitFor(async () => (await predictor.metric('sibyl_consumer_cancelled_total')) === 1, {
      description: 'the broker to cancel the consumer',
    });
    await waitFor(async () => (await consumers()) === 1, {
      timeoutMs: 20_000,
      description: 'the predictor to subscribe again',
    });
    await submitAndWait();
    expect((await readiness()).status).toBe(200);
  });

  it('keeps serving a queue re-declared with other arguments and reports the drift until it is gone', async () => {
    const foreign = { ...requestsQueueArguments(fx.names, 6) };
    await operator(foreign);
    const drifted = await waitFor(
      async () => {
        const ready = await readiness();
        return ready.details.topology?.status === 'down' ? ready : undefined;
      },
      { timeoutMs: 20_000, description: 'readiness to report the drift' },
    );
    expect(drifted.status).toBe(503);
    expect(drifted.details.topology.message).toMatch(
      /queue .*requested.*PRECONDITION.FAILED.*x-delivery-limit/,
    );
    expect(await predictor.metric('sibyl_topology_mismatch')).toBe(1);
    // the drift makes it subscribe again on a new channel (dropping a consumer the broker may have left)
    await waitFor(async () => (await readiness()).details.consumer?.status === 'up', {
      timeoutMs: 20_000,
      description: 'the consumer subscribed to the existing queue',
    });
    expect(await consumers()).toBe(1);
    await submitAndWait();
    expect(predictor.log).toMatch(/topology mismatch/);

    await operator();
    await waitFor(async () => (await readiness()).status === 200, {
      timeoutMs: 20_000,
      description: 'the queue as declared again and the predictor ready',
    });
    expect(await predictor.metric('sibyl_topology_mismatch')).toBe(0);
    expect(await consumers()).toBe(1);
    await submitAndWait();
  });

  it('a queue deleted and declared again at once, same arguments: the consumer the broker left on it is replaced', async () => {
    // RabbitMQ 3.10 does not cancel the consumer of a quorum queue deleted and declared again at once: it stays
    // registered on the new queue and takes messages that never reach the predictor.
    await operator({ ...requestsQueueArguments(fx.names, 5) });
    await submitAndWait();
    expect(predictor.log).toMatch(/consumer starved|subscribing again on a new channel/);
    expect((await readiness()).status).toBe(200);
  });
});
