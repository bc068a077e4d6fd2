import type { PredictionPublisher } from '@sibyl/amqp';
import type { PredictionRequest } from '@sibyl/contracts';
import { OutboxDispatcher } from './outbox.dispatcher';
import type { OutboxMetrics } from './outbox.metrics';

function request(id: string, attempt = 1): PredictionRequest {
  return { trackingId: id, text: `text ${id}`, submittedAt: '2026-03-01T11:00:00.000Z', attempt };
}

/** A publisher refusing the ids in `refuse` (and holding `slow` until released), counting metrics. */
function setup(refuse = new Set<string>()) {
  const published: string[] = [];
  const publisher = {
    publishRequested: async (r: PredictionRequest) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (refuse.has(r.trackingId)) throw new Error('broker not connected');
      published.push(r.trackingId);
    },
  } as unknown as PredictionPublisher;
  const counts = { confirms: 0, relayed: {} as Record<string, number> };
  const metrics = {
    confirmSeconds: { observe: () => counts.confirms++ },
    relayed: {
      inc: ({ source }: { source: string }, n: number) =>
        (counts.relayed[source] = (counts.relayed[source] ?? 0) + n),
    },
  } as unknown as OutboxMetrics;
  return { dispatcher: new OutboxDispatcher(publisher, metrics), counts, published };
}

describe('OutboxDispatcher', () => {
  it('publishes in parallel and reports the confirmed ids', async () => {
    const { dispatcher, counts } = setup();
    const pending = dispatcher.dispatch([request('a'), request('b', 2)]);
    expect(dispatcher.pending).toBe(2);
    expect(await pending).toEqual({
      confirmed: 2,
      failed: 0,
      confirmedIds: ['a', 'b'],
      error: undefined,
    });
    expect(counts.confirms).toBe(2);
    expect(dispatcher.pending).toBe(0);
  });

  it('keeps failed requests in memory with the next attempt number, for the relay', async () => {
    const { dispatcher } = setup(new Set(['b']));
    expect(await dispatcher.dispatch([request('a'), request('b')])).toEqual({
      confirmed: 1,
      failed: 1,
      confirmedIds: ['a'],
      error: 'broker not connected',
    });
    expect(dispatcher.retryCount).toBe(1);
    expect(dispatcher.takeRetries(10)).toEqual([request('b', 2)]);
    expect(dispatcher.retryCount).toBe(0);
  });

  it('counts what the relay publishes again, by source', async () => {
    const { dispatcher, counts } = setup();
    await dispatcher.dispatch([request('a')]);
    await dispatcher.dispatch([request('s', 3), request('t', 2)], { source: 'sweep' });
    await dispatcher.dispatch([request('r', 2)], { source: 'retry' });
    expect(counts.relayed).toEqual({ sweep: 2, retry: 1 });
  });

  it('drains the publishes in progress', async () => {
    const { dispatcher, published } = setup();
    void dispatcher.dispatch([request('a')]);
    await dispatcher.drain();
    expect(published).toEqual(['a']);
  });
});
