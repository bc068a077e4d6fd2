import { messagingNames, parsePredictionRequestedV1 } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { EventEmitter } from 'node:events';
import { PredictionPublisher } from './prediction.publisher';
import { PublishRefusedError, PublishReturnedError, PublishTimeoutError } from './publish-errors';
import type { TopologyMonitor } from './topology.monitor';

type Publish = (
  exchange: string,
  key: string,
  content: Buffer,
  options: Record<string, unknown>,
) => Promise<boolean>;

/** A fake ChannelWrapper whose publishes are settled by the test. */
class FakeChannel extends EventEmitter {
  readonly published: Array<{
    exchange: string;
    key: string;
    content: Buffer;
    options: Record<string, unknown>;
  }> = [];
  createOptions: Record<string, unknown> = {};
  onPublish: Publish = async () => true;
  queueLength = () => 0;
  close = async () => undefined;
  publish: Publish = (exchange, key, content, options) => {
    this.published.push({ exchange, key, content, options });
    return this.onPublish(exchange, key, content, options);
  };

  /** From now on the broker confirms every publish and returns it (routed to no queue) on `raw`. */
  returnEveryPublish(raw: EventEmitter): void {
    this.onPublish = async (_exchange, key, _content, options) => {
      raw.emit('return', {
        properties: { messageId: options['messageId'] },
        fields: { routingKey: key },
      });
      return true;
    };
  }
}

function setup(connected = true, maxInFlight?: number) {
  const channel = new FakeChannel();
  const events = Object.assign(new EventEmitter(), {
    isConnected: () => connected,
    createChannel: (options: Record<string, unknown>) => {
      channel.createOptions = options;
      return channel;
    },
  });
  const connection = events as unknown as AmqpConnectionManager;
  const names = messagingNames('unit');
  const verify = jest.fn(async () => []);
  const publisher = new PredictionPublisher(
    connection,
    names,
    { url: 'amqp://unused', connectionName: 'test-app', publishTimeoutMs: 50, maxInFlight },
    { verify } as unknown as TopologyMonitor,
  );
  /** Runs the channel setup on a raw amqplib-like channel, as amqp-connection-manager does. */
  const setUp = async (): Promise<EventEmitter> => {
    const raw = new EventEmitter();
    await (channel.createOptions['setup'] as (channel: EventEmitter) => Promise<void>)(raw);
    return raw;
  };
  return { channel, publisher, names, events, setUp, verify };
}

const request = {
  trackingId: '0b7e3d4c-1f5e-4b8a-9a43-5d3f2c1b0a99',
  text: 'Hej',
  submittedAt: '2026-01-02T03:04:05.000Z',
  attempt: 1,
};

describe('PredictionPublisher', () => {
  it('creates a confirm channel, without JSON encoding, with a publish timeout', () => {
    const { channel } = setup();
    expect(channel.createOptions).toMatchObject({ confirm: true, json: false, publishTimeout: 50 });
    expect(typeof channel.createOptions['setup']).toBe('function');
  });

  it('publishes a persistent prediction.requested.v1 to the requests exchange', async () => {
    const { channel, publisher, names } = setup();
    await publisher.publishRequested(request);
    const [sent] = channel.published;
    expect(sent.exchange).toBe(names.requestsExchange);
    expect(sent.key).toBe('prediction.requested.v1');
    expect(sent.options).toMatchObject({
      persistent: true,
      messageId: request.trackingId,
      type: 'prediction.requested.v1',
      contentType: 'application/json',
      appId: 'test-app',
      timeout: 50,
      mandatory: true,
    });
    expect(parsePredictionRequestedV1(sent.content)).toEqual({
      ok: true,
      value: expect.objectContaining(request),
    });
  });

  it('refuses at once while the broker is not connected, buffering nothing', async () => {
    const { channel, publisher } = setup(false);
    await expect(publisher.publishRequested(request)).rejects.toBeInstanceOf(PublishRefusedError);
    expect(channel.published).toHaveLength(0);
  });

  it('declares the topology through the TopologyMonitor on each channel set-up', async () => {
    const { setUp, verify } = setup();
    await setUp();
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('rejects a publish the broker returned (routed to no queue) although it was confirmed', async () => {
    const { channel, publisher, setUp } = setup();
    const raw = await setUp();
    channel.returnEveryPublish(raw);
    await expect(publisher.publishRequested(request)).rejects.toBeInstanceOf(PublishReturnedError);
    channel.onPublish = async () => true;
    await expect(publisher.publishRequested(request)).resolves.toBeUndefined();
  });

  it('checks the topology at once when a message is returned (the queue or its binding is gone)', async () => {
    const { channel, publisher, setUp, verify } = setup();
    const raw = await setUp();
    expect(verify).toHaveBeenCalledTimes(1); // the set-up's declaration
    channel.returnEveryPublish(raw);
    await expect(publisher.publishRequested(request)).rejects.toBeInstanceOf(PublishReturnedError);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('refuses at once while the broker blocks the connection (memory or disk alarm)', async () => {
    const { channel, publisher, events } = setup();
    events.emit('blocked', { reason: 'low on memory' });
    await expect(publisher.publishRequested(request)).rejects.toThrow(
      'broker blocks publishing: low on memory',
    );
    expect(publisher.blockedReason).toBe('low on memory');
    expect(channel.published).toHaveLength(0);
    events.emit('unblocked');
    await expect(publisher.publishRequested(request)).resolves.toBeUndefined();
  });

  it('refuses beyond maxInFlight unconfirmed publishes', async () => {
    const { channel, publisher } = setup(true, 1);
    let confirm!: () => void;
    channel.onPublish = () => new Promise<boolean>((resolve) => (confirm = () => resolve(true)));
    const first = publisher.publishRequested(request);
    await expect(publisher.publishRequested(request)).rejects.toThrow(/too many/);
    expect(publisher.pending).toBe(1);
    confirm();
    await first;
    expect(publisher.pending).toBe(0);
  });

  it('maps the channel timeout to a PublishTimeoutError', async () => {
    const { channel, publisher } = setup();
    channel.onPublish = async () => {
      throw new Error('timeout');
    };
    await expect(publisher.publishRequested(request)).rejects.toBeInstanceOf(PublishTimeoutError);
  });

  it('times out even if the channel never settles (re-buffered in-flight message)', async () => {
    const { channel, publisher } = setup();
    channel.onPublish = () => new Promise<boolean>(() => undefined);
    await expect(publisher.publishRequested(request, { timeoutMs: 10 })).rejects.toBeInstanceOf(
      PublishTimeoutError,
    );
    expect(publisher.pending).toBe(0);
  });

  it('publishMany reports each outcome and never rejects', async () => {
    const { channel, publisher } = setup();
    channel.onPublish = async (_e, _k, _c, options) => {
      if (options['messageId'] === 'bad') throw new Error('message nacked');
      return true;
    };
    const outcomes = await publisher.publishMany([request, { ...request, trackingId: 'bad' }]);
    expect(outcomes).toEqual([
      { trackingId: request.trackingId, confirmed: true },
      { trackingId: 'bad', confirmed: false, error: 'message nacked' },
    ]);
  });

  it('publishMany sends a whole group at once and bounds all its confirms with one deadline', async () => {
    const { channel, publisher } = setup();
    const settle: Array<() => void> = [];
    channel.onPublish = (_e, _k, _c, options) =>
      options['messageId'] === 'slow'
        ? new Promise<boolean>(() => undefined) // never confirmed
        : new Promise<boolean>((resolve) => settle.push(() => resolve(true)));
    const group = ['a', 'b', 'slow'].map((trackingId) => ({ ...request, trackingId }));
    const outcomes = publisher.publishMany(group, { timeoutMs: 20 });
    expect(channel.published.map((p) => p.options['messageId'])).toEqual(['a', 'b', 'slow']);
    expect(publisher.pending).toBe(3);
    settle.forEach((confirm) => confirm());
    expect(await outcomes).toEqual([
      { trackingId: 'a', confirmed: true },
      { trackingId: 'b', confirmed: true },
      {
        trackingId: 'slow',
        confirmed: false,
        error: expect.stringMatching(/no broker confirm within 20 ms/),
      },
    ]);
    expect(publisher.pending).toBe(0);
  });

  it('publishMany refuses what exceeds maxInFlight, and everything while disconnected', async () => {
    const { publisher } = setup(true, 2);
    const group = ['a', 'b', 'c'].map((trackingId) => ({ ...request, trackingId }));
    const outcomes = await publisher.publishMany(group);
    expect(outcomes.map((o) => o.confirmed)).toEqual([true, true, false]);
    expect(outcomes[2].error).toMatch(/too many/);
    const offline = setup(false).publisher;
    expect(await offline.publishMany(group)).toEqual(
      group.map(({ trackingId }) => ({
        trackingId,
        confirmed: false,
        error: 'broker not connected',
      })),
    );
  });

  it('publishMany fails a message the broker returned, though confirmed', async () => {
    const { channel, publisher, setUp } = setup();
    const raw = await setUp();
    channel.onPublish = async (_e, _k, _c, options) => {
      if (options['messageId'] === 'lost')
        raw.emit('return', { properties: { messageId: 'lost' }, fields: { routingKey: 'x' } });
      return true;
    };
    const outcomes = await publisher.publishMany([request, { ...request, trackingId: 'lost' }]);
    expect(outcomes[0].confirmed).toBe(true);
    expect(outcomes[1]).toMatchObject({
      confirmed: false,
      error: expect.stringMatching(/returned/),
    });
  });
});
