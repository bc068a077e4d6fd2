import { messagingNames } from '@sibyl/contracts';
import { assertPredictionTopology, TopologyChannel } from './prediction-topology';

/** Records every declaration, in order. */
function recordingChannel(): TopologyChannel & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    assertExchange: async (...args) => void calls.push(['exchange', ...args]),
    assertQueue: async (...args) => void calls.push(['queue', ...args]),
    bindQueue: async (...args) => void calls.push(['bind', ...args]),
  };
}

describe('assertPredictionTopology', () => {
  const names = messagingNames('t1');

  it('declares the dead-letter side before the requests queue that points to it, then the model events exchange', async () => {
    const channel = recordingChannel();
    await assertPredictionTopology(channel, names, { deliveryLimit: 7 });
    expect(channel.calls).toEqual([
      ['exchange', 't1.sibyl.v1.predictions.dlx', 'fanout', { durable: true }],
      [
        'queue',
        't1.sibyl.v1.predictions.dead',
        { durable: true, arguments: { 'x-queue-type': 'quorum' } },
      ],
      ['bind', 't1.sibyl.v1.predictions.dead', 't1.sibyl.v1.predictions.dlx', ''],
      ['exchange', 't1.sibyl.v1.predictions', 'direct', { durable: true }],
      [
        'queue',
        't1.sibyl.v1.predictions.requested',
        {
          durable: true,
          arguments: {
            'x-queue-type': 'quorum',
            'x-dead-letter-exchange': 't1.sibyl.v1.predictions.dlx',
            'x-delivery-limit': 7,
          },
        },
      ],
      [
        'bind',
        't1.sibyl.v1.predictions.requested',
        't1.sibyl.v1.predictions',
        'prediction.requested.v1',
      ],
      ['exchange', 't1.sibyl.v1.predictions.completed', 'fanout', { durable: true }],
      ['exchange', 't1.sibyl.v1.models', 'fanout', { durable: true }],
    ]);
  });

  it('uses a delivery limit of 5 by default', async () => {
    const channel = recordingChannel();
    await assertPredictionTopology(channel, names);
    const requests = channel.calls.find((c) => c[0] === 'queue' && c[1] === names.requestsQueue);
    expect(
      (requests?.[2] as { arguments: Record<string, unknown> }).arguments['x-delivery-limit'],
    ).toBe(5);
  });

  it('stops at the first refused declaration', async () => {
    const channel = recordingChannel();
    channel.assertQueue = async () => {
      throw new Error('PRECONDITION_FAILED');
    };
    await expect(assertPredictionTopology(channel, names)).rejects.toThrow('PRECONDITION_FAILED');
    expect(channel.calls).toHaveLength(1);
  });
});
