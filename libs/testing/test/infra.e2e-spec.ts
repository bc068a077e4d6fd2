import mongoose from 'mongoose';
import { connect } from 'amqplib';
import { uniqueMongoUri, uniqueNamespace, DEFAULT_RABBITMQ_URL } from '../src/namespace';
import { TcpProxy } from '../src/tcp-proxy';
import { ensureMongo, pingMongo } from '../src/infra/mongo';
import { ensureRabbit } from '../src/infra/rabbitmq';

describe('local infrastructure', () => {
  it('gives a MongoDB-compatible database that stores and finds documents', async () => {
    await ensureMongo();
    const uri = uniqueMongoUri();
    const connection = await mongoose.createConnection(uri).asPromise();
    try {
      const things = connection.collection('things');
      await things.insertMany([
        { _id: 'a' as never, n: 1 },
        { _id: 'b' as never, n: 2 },
      ]);
      await expect(things.countDocuments({ n: { $gte: 1 } })).resolves.toBe(2);
      await expect(things.insertOne({ _id: 'a' as never, n: 3 })).rejects.toMatchObject({
        code: 11000,
      });
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });

  it('gives a RabbitMQ that routes to a namespaced quorum queue', async () => {
    await ensureRabbit();
    const queue = `${uniqueNamespace('infra')}.q`;
    const connection = await connect(process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL);
    try {
      const channel = await connection.createConfirmChannel();
      await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      await new Promise<void>((resolve, reject) =>
        channel.sendToQueue(queue, Buffer.from('hi'), { persistent: true }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
      const message = await channel.get(queue, { noAck: true });
      expect(message && message.content.toString()).toBe('hi');
      await channel.deleteQueue(queue);
    } finally {
      await connection.close();
    }
  });

  it('loses the database behind a cut TcpProxy and finds it again after restore', async () => {
    const proxy = new TcpProxy('127.0.0.1', 27017);
    const port = await proxy.start();
    try {
      const uri = `mongodb://127.0.0.1:${port}/sibyl`;
      await expect(pingMongo(uri)).resolves.toBe(true);
      proxy.cut();
      await expect(pingMongo(uri, 500)).resolves.toBe(false);
      proxy.restore();
      await expect(pingMongo(uri)).resolves.toBe(true);
    } finally {
      await proxy.stop();
    }
  });
});
