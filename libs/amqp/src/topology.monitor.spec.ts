import { messagingNames } from '@sibyl/contracts';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { TopologyMonitor } from './topology.monitor';

const names = messagingNames('mon');

/** A fake broker: whether the requests queue exists, and its `x-delivery-limit` (5 is Sibyl's). */
function fakeBroker() {
  const state = { exists: true, deliveryLimit: 5 };
  const refusal = (code: number) => Object.assign(new Error(`${code} refused`), { code });
  const createChannel = async () => ({
    on: () => undefined,
    close: async () => undefined,
    checkQueue: async (queue: string) => {
      if (queue === names.requestsQueue && !state.exists) throw refusal(404);
      return { messageCount: 0, consumerCount: 0 };
    },
    assertExchange: async () => undefined,
    bindQueue: async () => undefined,
    assertQueue: async (queue: string, options?: { arguments?: Record<string, unknown> }) => {
      if (queue !== names.requestsQueue) return;
      if (!state.exists) {
        state.exists = true;
        state.deliveryLimit = Number(options?.arguments?.['x-delivery-limit']);
        return;
      }
      if (options?.arguments?.['x-delivery-limit'] !== state.deliveryLimit) throw refusal(406);
    },
  });
  const connection = {
    connection: { createChannel },
    isConnected: () => true,
  } as unknown as AmqpConnectionManager;
  return { state, monitor: new TopologyMonitor(connection, names, {} as never) };
}

describe('TopologyMonitor: requests queue lost', () => {
  it('reports a queue found missing (and declares it again), but not on the first check', async () => {
    const { state, monitor } = fakeBroker();
    const losses: string[] = [];
    monitor.onRequestsQueueLost((reason) => losses.push(reason));
    state.exists = false;
    await monitor.verify(); // first start: the queue is simply created
    expect(losses).toEqual([]);
    expect(state.exists).toBe(true);
    state.exists = false; // deleted by an operator
    await monitor.verify();
    expect(losses).toEqual(['the requests queue was missing (declared again)']);
    expect(state.exists).toBe(true);
    expect(monitor.mismatch).toBeUndefined();
  });

  it('reports a queue declared again with other arguments, and again when it is replaced by ours', async () => {
    const { state, monitor } = fakeBroker();
    const losses: string[] = [];
    monitor.onRequestsQueueLost((reason) => losses.push(reason));
    await monitor.verify();
    state.deliveryLimit = 6; // deleted and declared again by an operator
    await monitor.verify();
    expect(monitor.mismatch).toContain('406');
    expect(losses).toHaveLength(1);
    await monitor.verify(); // the same drift: nothing new is lost
    expect(losses).toHaveLength(1);
    state.exists = false; // the foreign queue deleted
    await monitor.verify();
    expect(monitor.mismatch).toBeUndefined();
    expect(losses).toEqual([
      'the requests queue was declared again (the drift changed)',
      'the requests queue was missing (declared again)', // once per check
    ]);
  });
});
