import { messagingNames } from '@sibyl/contracts';
import { assertShadowQueue, shadowQueueArguments } from './shadow-queue';

describe('shadow queue', () => {
  it('is length-limited, drops the oldest copy and dead-letters nothing', () => {
    expect(shadowQueueArguments(500)).toEqual({
      'x-queue-type': 'classic',
      'x-max-length': 500,
      'x-overflow': 'drop-head',
    });
  });

  it('is bound to the requests exchange with the routing key of the requests queue', async () => {
    const names = messagingNames('ns');
    const calls: unknown[][] = [];
    const channel = {
      assertExchange: async (...args: unknown[]) => calls.push(['exchange', ...args]),
      assertQueue: async (...args: unknown[]) => calls.push(['queue', ...args]),
      bindQueue: async (...args: unknown[]) => calls.push(['bind', ...args]),
    };
    await assertShadowQueue(channel, names, 7);
    expect(names.shadowQueue).toBe('ns.sibyl.v1.predictions.shadow');
    expect(calls).toEqual([
      ['exchange', 'ns.sibyl.v1.predictions', 'direct', { durable: true }],
      ['queue', names.shadowQueue, { durable: true, arguments: shadowQueueArguments(7) }],
      ['bind', names.shadowQueue, names.requestsExchange, 'prediction.requested.v1'],
    ]);
  });
});
