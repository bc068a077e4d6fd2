import { Logger } from '@nestjs/common';
import { messagingNames } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { ConsumeMessage } from 'amqplib';
import { EventEmitter } from 'node:events';
import { COMPLETION_QUEUE_MAX_LENGTH } from './amqp.constants';
import { CompletionSubscription } from './completion.subscription';

type Deliver = (message: ConsumeMessage | null) => void;

/** An amqplib channel stand-in recording the subscription's calls. */
class FakeChannel extends EventEmitter {
  readonly calls: unknown[][] = [];
  deliver?: Deliver;
  constructor(private readonly queue: string) {
    super();
  }
  assertExchange = jest.fn(async (...args: unknown[]) => this.calls.push(['exchange', ...args]));
  assertQueue = jest.fn(async (...args: unknown[]) => {
    this.calls.push(['queue', ...args]);
    return { queue: this.queue };
  });
  bindQueue = jest.fn(async (...args: unknown[]) => this.calls.push(['bind', ...args]));
  consume = jest.fn(async (queue: string, deliver: Deliver, options: unknown) => {
    this.calls.push(['consume', queue, options]);
    this.deliver = deliver;
  });
  close = jest.fn(async () => {
    this.emit('close');
  });
}

/** amqp-connection-manager stand-in: each wrapper runs its setup on a new fake channel at once. */
class FakeConnection {
  readonly channels: FakeChannel[] = [];
  readonly createChannel = jest.fn((options: { setup: (channel: unknown) => Promise<void> }) => {
    const channel = new FakeChannel(`amq.gen-${this.channels.length + 1}`);
    this.channels.push(channel);
    void options.setup(channel);
    return Object.assign(new EventEmitter(), { close: jest.fn(async () => undefined) });
  });
  isConnected = (): boolean => true;
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
const names = messagingNames('t1');

describe('CompletionSubscription', () => {
  beforeAll(() => Logger.overrideLogger(false));

  function start() {
    const connection = new FakeConnection();
    const bodies: string[] = [];
    const subscribed: string[] = [];
    const subscription = new CompletionSubscription(
      connection as unknown as AmqpConnectionManager,
      names,
      { message: (body) => bodies.push(body.toString()), subscribed: (q) => subscribed.push(q) },
      { recoveryDelayMs: 1 },
    );
    return { connection, bodies, subscribed, subscription };
  }

  it('binds its own exclusive, auto-delete, length-capped queue to the fanout exchange and consumes without acks', async () => {
    const { connection, bodies, subscribed, subscription } = start();
    await tick();
    const [channel] = connection.channels;
    expect(channel.calls).toEqual([
      ['exchange', names.completedExchange, 'fanout', { durable: true }],
      [
        'queue',
        '',
        {
          exclusive: true,
          autoDelete: true,
          durable: false,
          arguments: { 'x-max-length': COMPLETION_QUEUE_MAX_LENGTH, 'x-overflow': 'drop-head' },
        },
      ],
      ['bind', 'amq.gen-1', names.completedExchange, ''],
      ['consume', 'amq.gen-1', { noAck: true }],
    ]);
    expect(subscribed).toEqual(['amq.gen-1']);
    expect(subscription.active).toBe(true);
    channel.deliver?.({ content: Buffer.from('{"v":1}') } as ConsumeMessage);
    expect(bodies).toEqual(['{"v":1}']);
  });

  it('subscribes again on a new channel when the broker cancels the consumer', async () => {
    const { connection, subscribed, subscription } = start();
    await tick();
    connection.channels[0].deliver?.(null);
    expect(subscription.active).toBe(false);
    await tick(20);
    expect(connection.channels).toHaveLength(2);
    expect(subscribed).toEqual(['amq.gen-1', 'amq.gen-2']);
    expect(subscription.active).toBe(true);
  });
});
