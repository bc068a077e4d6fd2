import type { PredictionPublisher, PredictionRequest } from '@sibyl/amqp';
import type { ConfirmedPublish, PredictionStore } from '../records/prediction.store';
import { OutboxDispatcher } from './outbox.dispatcher';
import type { OutboxMetrics } from './outbox.metrics';

function request(id: string, attempt = 1): PredictionRequest {
  return { trackingId: id, text: `text ${id}`, submittedAt: '2026-03-01T11:00:00.000Z', attempt };
}

/** A publisher refusing the ids in `refuse`, a store recording the marks, counting metrics. */
function setup(recordConfirms = true, refuse = new Set<string>()) {
  const marks: ConfirmedPublish[][] = [];
  const publisher = {
    publishRequested: async (r: PredictionRequest) => {
      if (refuse.has(r.trackingId)) throw new Error('broker not connected');
    },
  } as unknown as PredictionPublisher;
  const store = { markPublished: async (confirms: ConfirmedPublish[]) => void marks.push(confirms) } as unknown as PredictionStore;
  const counts = { confirms: 0, unrecorded: 0, relayed: {} as Record<string, number> };
  const metrics = {
    confirmSeconds: { observe: () => counts.confirms++ },
    unrecordedConfirms: { inc: (n: number) => (counts.unrecorded += n) },
    relayed: { inc: ({ source }: { source: string }, n: number) => (counts.relayed[source] = (counts.relayed[source] ?? 0) + n) },
  } as unknown as OutboxMetrics;
  return { dispatcher: new OutboxDispatcher(publisher, store, metrics, { recordConfirms }), marks, counts };
}

describe('OutboxDispatcher', () => {
  it('publishes in parallel and records the confirmed attempts in one grouped write', async () => {
    const { dispatcher, marks, counts } = setup();
    expect(await dispatcher.dispatch([request('a'), request('b', 2)])).toEqual({ confirmed: 2, failed: 0, error: undefined });
    expect(marks).toEqual([[{ trackingId: 'a', attempt: 1 }, { trackingId: 'b', attempt: 2 }]]);
    expect(counts.confirms).toBe(2);
    expect(dispatcher.pending).toBe(0);
  });

  it('keeps failed requests in memory with the next attempt number, for the relay', async () => {
    const { dispatcher, marks } = setup(true, new Set(['b']));
    expect(await dispatcher.dispatch([request('a'), request('b')])).toEqual({ confirmed: 1, failed: 1, error: 'broker not connected' });
    expect(marks).toEqual([[{ trackingId: 'a', attempt: 1 }]]);
    expect(dispatcher.retryCount).toBe(1);
    expect(dispatcher.takeRetries(10)).toEqual([request('b', 2)]);
    expect(dispatcher.retryCount).toBe(0);
  });

  it('only counts confirms when recording is off, unless the caller asks (sweeps)', async () => {
    const { dispatcher, marks, counts } = setup(false);
    await dispatcher.dispatch([request('a')]);
    expect(marks).toEqual([]);
    expect(counts.unrecorded).toBe(1);
    await dispatcher.dispatch([request('s', 3)], { source: 'sweep', record: true });
    expect(marks).toEqual([[{ trackingId: 's', attempt: 3 }]]);
    expect(counts.relayed).toEqual({ sweep: 1 });
  });

  it('drains publishes in progress and their records', async () => {
    const { dispatcher, marks } = setup();
    void dispatcher.dispatch([request('a')]);
    await dispatcher.drain();
    expect(marks).toEqual([[{ trackingId: 'a', attempt: 1 }]]);
  });
});
