import type { PredictionPublisher } from '@sibyl/amqp';
import type { PredictionRequest } from '@sibyl/contracts';
import { ServiceUnavailableException } from '@nestjs/common';
import { OutboxDispatcher, requestBytes } from './outbox.dispatcher';
import type { OutboxMetrics } from './outbox.metrics';

function request(id: string, attempt = 1): PredictionRequest {
  return { trackingId: id, text: `text ${id}`, submittedAt: '2026-03-01T11:00:00.000Z', attempt };
}

/** A publisher refusing the ids in `refuse` (and holding `slow` until released), counting metrics. */
function setup(refuse = new Set<string>(), backlogMaxBytes = 1024 * 1024) {
  const published: string[] = [];
  const publisher = {
    publishMany: async (requests: PredictionRequest[]) => {
      await new Promise((resolve) => setImmediate(resolve));
      return requests.map(({ trackingId }) => {
        if (refuse.has(trackingId))
          return { trackingId, confirmed: false, error: 'broker not connected' };
        published.push(trackingId);
        return { trackingId, confirmed: true };
      });
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
  const dispatcher = new OutboxDispatcher(publisher, metrics, { backlogMaxBytes });
  return { dispatcher, counts, published };
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

  it('bounds the retry memory in bytes, not entries, and flags the overflow for a sweep', async () => {
    const one = requestBytes(request('a'));
    const { dispatcher } = setup(new Set(['a', 'b', 'c']), 2 * one);
    await dispatcher.dispatch([request('a'), request('b'), request('c')]);
    expect(dispatcher.retryCount).toBe(2);
    expect(dispatcher.backlogBytes).toBe(2 * one);
    expect(dispatcher.overflowed).toBe(true);
    dispatcher.takeRetries(1);
    expect(dispatcher.backlogBytes).toBe(one);
  });

  it('counts a big text by its bytes', () => {
    const text = 'é'.repeat(1000);
    expect(requestBytes({ ...request('a'), text })).toBe(2000 + 256);
  });

  it('refuses submissions (503) while the backlog is at its bound, and accepts again once it drains', async () => {
    const one = requestBytes(request('a'));
    const { dispatcher } = setup(new Set(['a', 'b']), one + 10);
    expect(() => dispatcher.assertAccepting()).not.toThrow();
    await dispatcher.dispatch([request('a')]);
    expect(dispatcher.accepting).toBe(true);
    await dispatcher.dispatch([request('b')]); // does not fit: overflows
    expect(dispatcher.accepting).toBe(false);
    expect(() => dispatcher.assertAccepting()).toThrow(ServiceUnavailableException);
    expect(() => dispatcher.assertAccepting()).toThrow(/publishing backlog full/);
    dispatcher.takeRetries(10);
    dispatcher.overflowed = false; // what the relay's sweep does
    expect(dispatcher.accepting).toBe(true);
  });

  it('drains the publishes in progress', async () => {
    const { dispatcher, published } = setup();
    void dispatcher.dispatch([request('a')]);
    await dispatcher.drain();
    expect(published).toEqual(['a']);
  });
});
