import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { EventEmitter } from 'node:events';
import { SelfHealingChannel } from './self-healing.channel';

/** amqp-connection-manager stand-in: each wrapper runs its setup on a new fake channel at once. */
class FakeConnection {
  connected = true;
  readonly channels: EventEmitter[] = [];
  readonly wrappers: Array<EventEmitter & { close: jest.Mock }> = [];
  readonly createChannel = jest.fn((options: { setup: (channel: unknown) => Promise<void> }) => {
    const channel = new EventEmitter();
    this.channels.push(channel);
    const wrapper = Object.assign(new EventEmitter(), { close: jest.fn(async () => undefined) });
    this.wrappers.push(wrapper);
    void options.setup(channel);
    return wrapper;
  });
  isConnected(): boolean {
    return this.connected;
  }
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** A channel named `probe` on a fake connection, opened (its first setup ran). */
async function openChannel(setup?: (channel: unknown) => Promise<void>) {
  const connection = new FakeConnection();
  const channel = new SelfHealingChannel(connection as unknown as AmqpConnectionManager, {
    name: 'probe',
    setup,
    recoveryDelayMs: 1,
  });
  await tick();
  return { connection, channel };
}

describe('SelfHealingChannel', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('re-opens a channel the broker closed while the connection stayed up', async () => {
    const setup = jest.fn(async () => undefined);
    const { connection, channel } = await openChannel(setup);
    expect(channel.open).toBe(true);
    const first = channel.current;
    connection.channels[0].emit('error', new Error('404 (NOT-FOUND) no queue'));
    connection.channels[0].emit('close');
    expect(channel.open).toBe(false);
    expect(channel.lastError).toBe('404 (NOT-FOUND) no queue');
    await tick();
    expect(connection.createChannel).toHaveBeenCalledTimes(2);
    expect(setup).toHaveBeenCalledTimes(2);
    expect(channel.current).not.toBe(first);
    expect(connection.wrappers[0].close).toHaveBeenCalled();
    expect(channel.open).toBe(true);
  });

  it('re-opens a channel the broker closed while its set-up was still running', async () => {
    let finishSetup = (): void => undefined;
    const setup = jest
      .fn<Promise<void>, [unknown]>()
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finishSetup = resolve)))
      .mockResolvedValue(undefined);
    const { connection, channel } = await openChannel(setup);
    // A check on the channel raced the declarations of its set-up: the broker closed it (404).
    connection.channels[0].emit('error', new Error('404 (NOT-FOUND) no queue'));
    connection.channels[0].emit('close');
    finishSetup();
    await tick();
    expect(connection.createChannel).toHaveBeenCalledTimes(2);
    expect(channel.current).toBe(connection.wrappers[1]);
    expect(channel.open).toBe(true);
  });

  it('leaves a close caused by a lost connection to the reconnect', async () => {
    const { connection, channel } = await openChannel();
    connection.connected = false;
    connection.channels[0].emit('close');
    await tick();
    expect(connection.createChannel).toHaveBeenCalledTimes(1);
    expect(channel.open).toBe(false);
  });

  it('does not re-open after close()', async () => {
    const { connection, channel } = await openChannel();
    await channel.close();
    connection.channels[0].emit('close');
    await tick();
    expect(connection.createChannel).toHaveBeenCalledTimes(1);
  });
});
