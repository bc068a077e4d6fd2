// model.promoted.v1 over the real RabbitMQ: published with a confirm on the namespaced fanout
// exchange, every bound queue gets the same validated message.
import { messagingNames, parseModelPromotedV1 } from '@sibyl/contracts';
import { DEFAULT_RABBITMQ_URL, uniqueNamespace, waitFor } from '@sibyl/testing';
import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { publishModelPromoted } from '../src/model-events-exchange';
import { deletePredictionTopology } from '../src/testing';

const RABBITMQ_URL = process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;

describe('model.promoted.v1 on the model events exchange (real RabbitMQ)', () => {
  const names = messagingNames(uniqueNamespace('h11a-model-events'));
  let connection: ChannelModel;

  beforeAll(async () => {
    connection = await connect(RABBITMQ_URL);
  });

  afterAll(async () => {
    await connection?.close();
    await deletePredictionTopology(RABBITMQ_URL, names);
  });

  it('fans one confirmed, persistent message out to every bound queue', async () => {
    const consumer = await connection.createChannel();
    const received: ConsumeMessage[] = [];
    await consumer.assertExchange(names.modelEventsExchange, 'fanout', { durable: true });
    for (let i = 0; i < 2; i++) {
      const { queue } = await consumer.assertQueue('', { exclusive: true });
      await consumer.bindQueue(queue, names.modelEventsExchange, '');
      await consumer.consume(queue, (message) => message && received.push(message), {
        noAck: true,
      });
    }

    const publisher = await connection.createConfirmChannel();
    const event = {
      version: 'langid-0123456789ab',
      sha256: 'ab'.repeat(32),
      previousVersion: 'langid-ba9876543210',
      action: 'rollback' as const,
      at: new Date().toISOString(),
    };
    await publishModelPromoted(publisher, names, event);

    await waitFor(() => received.length === 2, {
      timeoutMs: 30_000,
      description: 'two deliveries',
    });
    for (const message of received) {
      expect(message.properties.deliveryMode).toBe(2);
      expect(message.properties.type).toBe('model.promoted.v1');
      expect(parseModelPromotedV1(message.content)).toEqual({
        ok: true,
        value: expect.objectContaining({ type: 'model.promoted.v1', ...event }),
      });
    }
    await publisher.close();
    await consumer.close();
  });
});
