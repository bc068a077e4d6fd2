import { Logger } from '@nestjs/common';
import type { MessageHandler } from '@nestjs/microservices';
import { DEAD_LETTER_REASON_HEADER, messagingNames, MessagingV1 } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { EventEmitter } from 'node:events';
import { throwError } from 'rxjs';
import { AmqpContext } from './amqp.context';
import { AmqpStrategy } from './amqp.strategy';
import { deadLetter, MessageDisposition } from './message-disposition';

/** Records what the strategy does on a channel; acks and nacks throw once the channel is closed, like amqplib. */
class FakeChannel extends EventEmitter {
  readonly log: string[] = [];
  confirmError: Error | null = null;
  closed = false;
  onMessage: ((message: ConsumeMessage | null) => void) | undefined;
  readonly assertExchange = jest.fn(async () => ({}));
  readonly assertQueue = jest.fn(async () => ({}));
  readonly bindQueue = jest.fn(async () => ({}));
  readonly prefetch = jest.fn(async () => ({}));
  readonly consume = jest.fn(
    async (_queue: string, onMessage: (message: ConsumeMessage | null) => void) => {
      this.onMessage = onMessage;
      return { consumerTag: 'ctag-1' };
    },
  );
  readonly cancel = jest.fn(async (tag: string) => {
    this.log.push(`cancel ${tag}`);
    return {};
  });
  readonly ack = jest.fn((message: ConsumeMessage) => {
    this.assertOpen();
    this.log.push(`ack ${message.fields.deliveryTag}`);
  });
  readonly nack = jest.fn((message: ConsumeMessage, _allUpTo: boolean, requeue: boolean) => {
    this.assertOpen();
    this.log.push(`nack ${message.fields.deliveryTag} requeue=${requeue}`);
  });
  readonly publish = jest.fn(
    (
      exchange: string,
      _key: string,
      _content: Buffer,
      _options: unknown,
      confirm: (error: Error | null) => void,
    ) => {
      this.assertOpen();
      this.log.push(`publish ${exchange}`);
      setImmediate(() => {
        this.log.push(this.confirmError ? 'nacked by broker' : 'confirmed');
        confirm(this.confirmError);
      });
      return true;
    },
  );
  readonly close = jest.fn(async () => {
    this.closed = true;
    this.emit('close');
  });

  private assertOpen(): void {
    if (this.closed) throw new Error('Channel closed');
  }
}

/** amqp-connection-manager stand-in: `createChannel` runs the setup on a {@link FakeChannel}. */
class FakeConnection {
  readonly channel = new FakeChannel();
  readonly wrapperClose = jest.fn(async () => undefined);
  setupDone: Promise<void> = Promise.resolve();
  readonly createChannel = jest.fn(
    (options: { setup: (channel: ConfirmChannel) => Promise<void> }) => {
      const wrapper = Object.assign(new EventEmitter(), { close: this.wrapperClose });
      this.setupDone = options.setup(this.channel as unknown as ConfirmChannel);
      return wrapper;
    },
  );
  isConnected(): boolean {
    return true;
  }
}

const names = messagingNames('unit');

function delivery(tag: number, properties: Record<string, unknown> = {}): ConsumeMessage {
  return {
    content: Buffer.from(`{"n":${tag}}`),
    fields: {
      deliveryTag: tag,
      redelivered: false,
      exchange: names.requestsExchange,
      routingKey: names.routingKey,
    },
    properties: {
      type: MessagingV1.PredictionRequested,
      messageId: `m${tag}`,
      headers: { 'x-origin': 'test' },
      ...properties,
    },
  } as unknown as ConsumeMessage;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('AmqpStrategy', () => {
  beforeAll(() => Logger.overrideLogger(false));

  let connection: FakeConnection;
  let channel: FakeChannel;
  let strategy: AmqpStrategy;
  let handler: jest.Mock;

  const start = async (requeueDelayMs = 0) => {
    strategy = new AmqpStrategy(connection as unknown as AmqpConnectionManager, {
      names,
      prefetch: 7,
      deliveryLimit: 5,
      requeueDelayMs,
      defaultPattern: MessagingV1.PredictionRequested,
    });
    strategy.addHandler(
      MessagingV1.PredictionRequested,
      handler as unknown as MessageHandler,
      true,
    );
    const listening = jest.fn();
    strategy.listen(listening);
    await connection.setupDone;
    expect(listening).toHaveBeenCalledWith();
  };
  const handle = (message: ConsumeMessage) =>
    strategy.handleDelivery(channel as unknown as ConfirmChannel, message);

  beforeEach(async () => {
    connection = new FakeConnection();
    channel = connection.channel;
    handler = jest.fn(async () => undefined);
    await start();
  });

  it('asserts the topology, sets the per-consumer prefetch and consumes with manual acks', () => {
    expect(channel.assertQueue).toHaveBeenCalledWith(
      names.requestsQueue,
      expect.objectContaining({
        durable: true,
        arguments: expect.objectContaining({ 'x-delivery-limit': 5 }),
      }),
    );
    expect(channel.prefetch).toHaveBeenCalledWith(7, false);
    expect(channel.consume).toHaveBeenCalledWith(names.requestsQueue, expect.any(Function), {
      noAck: false,
    });
    expect(strategy.consuming).toBe(true);
  });

  it('passes the raw body and an AmqpContext to the handler of the message type', async () => {
    await handle(delivery(1));
    const [data, context] = handler.mock.calls[0] as [Buffer, AmqpContext];
    expect(data.toString()).toBe('{"n":1}');
    expect(context.getMessage().fields.deliveryTag).toBe(1);
    expect(context.getPattern()).toBe(MessagingV1.PredictionRequested);
  });

  it('acks only once the handler has settled (the result is written)', async () => {
    const written = deferred<MessageDisposition | undefined>();
    handler.mockReturnValueOnce(written.promise);
    const handled = handle(delivery(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.ack).not.toHaveBeenCalled();
    expect(strategy.inFlightCount).toBe(1);
    written.resolve({ action: 'ack' });
    await handled;
    expect(channel.log).toEqual(['ack 1']);
    expect(strategy.inFlightCount).toBe(0);
  });

  it('dead-letters with the reason header, waits for the confirm, then acks', async () => {
    handler.mockResolvedValueOnce(deadLetter('body is not JSON', 'malformed'));
    const settled = jest.fn();
    strategy.on('settled', settled);
    await handle(delivery(3));
    expect(channel.log).toEqual([`publish ${names.deadLetterExchange}`, 'confirmed', 'ack 3']);
    const [exchange, routingKey, content, options] = channel.publish.mock.calls[0];
    expect(exchange).toBe(names.deadLetterExchange);
    expect(routingKey).toBe(names.routingKey);
    expect(content.toString()).toBe('{"n":3}');
    expect(options).toMatchObject({
      persistent: true,
      messageId: 'm3',
      type: MessagingV1.PredictionRequested,
      headers: { 'x-origin': 'test', [DEAD_LETTER_REASON_HEADER]: 'body is not JSON' },
    });
    expect(settled).toHaveBeenCalledWith(
      expect.anything(),
      deadLetter('body is not JSON', 'malformed'),
    );
  });

  it('dead-letters a message of an unknown type without calling any handler', async () => {
    await handle(delivery(4, { type: 'order.placed.v1' }));
    expect(handler).not.toHaveBeenCalled();
    expect(
      (channel.publish.mock.calls[0][3] as { headers: Record<string, string> }).headers[
        DEAD_LETTER_REASON_HEADER
      ],
    ).toMatch(/no handler.*order\.placed\.v1/);
    expect(channel.log.at(-1)).toBe('ack 4');
  });

  it("looks a type's handler up once, and keeps no unknown type", async () => {
    const lookUp = jest.spyOn(strategy, 'getHandlerByPattern');
    await handle(delivery(11));
    await handle(delivery(12));
    await handle(delivery(13, { type: 'order.placed.v1' }));
    await handle(delivery(14, { type: 'order.placed.v1' }));
    expect(handler).toHaveBeenCalledTimes(2);
    expect(lookUp.mock.calls.map(([pattern]) => pattern)).toEqual([
      MessagingV1.PredictionRequested,
      'order.placed.v1',
      'order.placed.v1',
    ]);
  });

  it('routes a message without a type by the default pattern', async () => {
    await handle(delivery(5, { type: undefined }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(channel.log).toEqual(['ack 5']);
  });

  it('requeues after the delay when the handler fails (transient failure)', async () => {
    connection = new FakeConnection();
    channel = connection.channel;
    handler = jest.fn(async () => {
      throw new Error('database down');
    });
    await start(50);
    const started = Date.now();
    await handle(delivery(6));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(channel.log).toEqual(['nack 6 requeue=true']);
  });

  it('requeues when the handler resolves to an error stream (what Nest exception filters return)', async () => {
    handler.mockReturnValueOnce(
      Promise.resolve(throwError(() => ({ status: 'error', message: 'Internal server error' }))),
    );
    await handle(delivery(7));
    expect(channel.log).toEqual(['nack 7 requeue=true']);
  });

  it('requeues instead of acking when the broker does not confirm the dead letter', async () => {
    channel.confirmError = new Error('nack');
    handler.mockResolvedValueOnce(deadLetter('bad', 'malformed'));
    await handle(delivery(8));
    expect(channel.log).toEqual([
      `publish ${names.deadLetterExchange}`,
      'nacked by broker',
      'nack 8 requeue=true',
    ]);
  });

  it('survives a channel that closed while the message was handled (the broker redelivers it)', async () => {
    const written = deferred<undefined>();
    handler.mockReturnValueOnce(written.promise);
    const handled = handle(delivery(9));
    await channel.close();
    written.resolve(undefined);
    await expect(handled).resolves.toBeUndefined();
    expect(channel.log).toEqual([]);
    expect(strategy.consuming).toBe(false);
  });

  it('dispatches deliveries arriving through the consumer callback', async () => {
    channel.onMessage?.(delivery(10));
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.log).toEqual(['ack 10']);
  });

  it('close() cancels the consumer, asks handlers to drain, settles in-flight work, then closes the channel', async () => {
    connection = new FakeConnection();
    channel = connection.channel;
    const written = deferred<undefined>();
    handler = jest
      .fn()
      .mockReturnValueOnce(written.promise)
      .mockRejectedValueOnce(new Error('db down'));
    await start(60_000);
    const draining = jest.fn(() => {
      channel.log.push('draining');
      written.resolve(undefined);
    });
    strategy.on('draining', draining);
    void handle(delivery(11));
    void handle(delivery(12)); // its requeue waits 60 s unless released by close()
    await new Promise((resolve) => setImmediate(resolve));

    await strategy.close();

    expect(channel.log.slice(0, 2)).toEqual(['cancel ctag-1', 'draining']);
    expect(channel.log.slice(2).sort()).toEqual(['ack 11', 'nack 12 requeue=true']);
    expect(connection.wrapperClose).toHaveBeenCalledTimes(1);
    expect(strategy.consuming).toBe(false);
    await strategy.close();
    expect(connection.wrapperClose).toHaveBeenCalledTimes(1);
  });

  it('pauses consuming (the held deliveries stay) and resumes on the same channel', async () => {
    const written = deferred<undefined>();
    handler.mockReturnValueOnce(written.promise);
    const handled = handle(delivery(13));
    strategy.pauseConsuming('cannot store results: database down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.log).toEqual(['cancel ctag-1']);
    expect(strategy.consuming).toBe(false);
    expect(strategy.pausedReason).toBe('cannot store results: database down');
    strategy.resumeConsuming();
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.consume).toHaveBeenCalledTimes(2);
    expect(strategy.consuming).toBe(true);
    written.resolve(undefined);
    await handled;
    expect(channel.log).toEqual(['cancel ctag-1', 'ack 13']);
  });

  it('subscribes again, on the same channel, after the broker cancelled the consumer (queue deleted)', async () => {
    connection = new FakeConnection();
    channel = connection.channel;
    const declareTopology = jest.fn(async () => undefined);
    strategy = new AmqpStrategy(connection as unknown as AmqpConnectionManager, {
      names,
      prefetch: 7,
      deliveryLimit: 5,
      channelRecoveryDelayMs: 1,
      declareTopology,
    });
    const cancelled = jest.fn();
    strategy.on('cancelled', cancelled);
    strategy.listen(() => undefined);
    await connection.setupDone;
    expect(declareTopology).toHaveBeenCalledTimes(1);
    expect(channel.assertQueue).not.toHaveBeenCalled();
    channel.onMessage?.(null);
    expect(strategy.consuming).toBe(false);
    expect(cancelled).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(declareTopology).toHaveBeenCalledTimes(2);
    expect(channel.consume).toHaveBeenCalledTimes(2);
    expect(channel.closed).toBe(false);
    expect(strategy.consuming).toBe(true);
  });

  it('measures how long it has held deliveries without settling any', async () => {
    expect(strategy.heldWithoutProgressMs()).toBe(0);
    const written = deferred<undefined>();
    handler.mockReturnValueOnce(written.promise);
    const handled = handle(delivery(14));
    expect(strategy.heldWithoutProgressMs(Date.now() + 5000)).toBeGreaterThanOrEqual(4990);
    written.resolve(undefined);
    await handled;
    expect(strategy.heldWithoutProgressMs(Date.now() + 5000)).toBe(0);
  });

  it('exposes the channel wrapper through unwrap()', () => {
    expect(strategy.unwrap()).toBe(connection.createChannel.mock.results[0].value);
  });
});
