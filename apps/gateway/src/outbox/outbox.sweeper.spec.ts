import type { PredictionRequest } from '@sibyl/contracts';
import type { DispatchResult } from './outbox.dispatcher';
import { sweepOnce, SweepPublisher } from './outbox.sweeper';
import { FakeSweepStore } from '../../test/outbox/sweep-store.fake';

const T0 = new Date('2026-03-01T11:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const CUTOFF = at(60_000);
const limits = { batchSize: 100, maxAttempts: 3 };

/** A publisher confirming everything except the ids in `refuse`, recording what it was given. */
function publisher(refuse = new Set<string>()) {
  const published: PredictionRequest[] = [];
  const sink: SweepPublisher = {
    dispatch: async (requests): Promise<DispatchResult> => {
      published.push(...requests);
      const confirmedIds = requests
        .filter((r) => !refuse.has(r.trackingId))
        .map((r) => r.trackingId);
      return {
        confirmed: confirmedIds.length,
        failed: requests.length - confirmedIds.length,
        confirmedIds,
      };
    },
  };
  return { sink, published };
}

describe('sweepOnce', () => {
  it('republishes exactly the requests without a result, with attempt + 1, and moves the cursor to the cutoff', async () => {
    const store = new FakeSweepStore()
      .add('done', at(1))
      .add('lost', at(2))
      .add('again', at(3), { publishAttempts: 2 });
    store.requests.get('done')!.result = 'done';
    const { sink, published } = publisher();
    const outcome = await sweepOnce(store, sink, CUTOFF, limits);
    expect(published).toEqual([
      { trackingId: 'lost', text: 'text lost', submittedAt: at(2).toISOString(), attempt: 2 },
      { trackingId: 'again', text: 'text again', submittedAt: at(3).toISOString(), attempt: 3 },
    ]);
    expect(store.attempts).toEqual([
      { trackingId: 'lost', attempt: 2 },
      { trackingId: 'again', attempt: 3 },
    ]);
    expect(outcome).toEqual({
      scanned: 3,
      republished: 2,
      confirmed: 2,
      failed: 0,
      gaveUp: 0,
      more: false,
      oldestPending: at(2),
    });
    // the cursor waits at the first request still without a result...
    expect(store.through).toEqual(at(2));
    // ...which the next sweep does not republish before a full period has passed since
    expect(await sweepOnce(store, sink, CUTOFF, limits)).toMatchObject({
      scanned: 2,
      republished: 0,
    });
    // once both have results, the cursor moves on to the cutoff
    ['lost', 'again'].forEach((id) => (store.requests.get(id)!.result = 'done'));
    await sweepOnce(store, sink, CUTOFF, limits);
    expect(store.through).toEqual(CUTOFF);
  });

  it('republishes a republished request again only when its republish is older than the cutoff', async () => {
    const store = new FakeSweepStore().add('twice', at(1), {
      publishAttempts: 2,
      republishedAt: at(30_000),
    });
    const { sink, published } = publisher();
    await sweepOnce(store, sink, at(20_000), limits);
    expect(published).toEqual([]);
    await sweepOnce(store, sink, CUTOFF, limits);
    expect(published.map((r) => [r.trackingId, r.attempt])).toEqual([['twice', 3]]);
  });

  it('does not look before the cursor or after the cutoff', async () => {
    const store = new FakeSweepStore().add('old', at(1)).add('young', at(61_000));
    store.through = at(2);
    const { sink, published } = publisher();
    await sweepOnce(store, sink, CUTOFF, limits);
    expect(published).toEqual([]);
    expect(store.pages).toEqual([{ from: at(2), to: CUTOFF, limit: 20_000 }]);
  });

  it('keeps the cursor cursorLagMs behind now, so a request stored after a sweep but stamped before its cutoff is still republished', async () => {
    const store = new FakeSweepStore();
    const { sink, published } = publisher();
    const lagged = { ...limits, cursorLagMs: 10_000 };
    // The sweep at 61 s (cutoff 60 s) sees nothing: the request stamped at 59 s is still being inserted.
    await sweepOnce(store, sink, CUTOFF, lagged, at(61_000));
    expect(store.through).toEqual(at(51_000));
    store.add('slow insert', at(59_000));
    await sweepOnce(store, sink, at(61_000), lagged, at(62_000));
    expect(published.map((r) => [r.trackingId, r.attempt])).toEqual([['slow insert', 2]]);
    // Without the lag the first sweep would have moved the cursor past it for good.
    const unlagged = new FakeSweepStore();
    await sweepOnce(unlagged, sink, CUTOFF, limits, at(61_000));
    unlagged.add('slow insert', at(59_000));
    expect(await sweepOnce(unlagged, sink, at(61_000), limits, at(62_000))).toMatchObject({
      scanned: 0,
    });
  });

  it('stores a failed result for requests published maxAttempts times, instead of publishing them again', async () => {
    const store = new FakeSweepStore().add('poison', at(1), { publishAttempts: 3 });
    const { sink, published } = publisher();
    const outcome = await sweepOnce(store, sink, CUTOFF, limits);
    expect(published).toEqual([]);
    expect(outcome.gaveUp).toBe(1);
    expect(store.requests.get('poison')).toMatchObject({
      result: 'failed',
      error: expect.stringMatching(/dead-letter/),
    });
    expect(store.through).toEqual(CUTOFF);
  });

  it('keeps the cursor where it was when a republish is refused, so the next sweep tries again', async () => {
    const store = new FakeSweepStore().add('a', at(1)).add('b', at(2));
    const { sink } = publisher(new Set(['b']));
    const outcome = await sweepOnce(store, sink, CUTOFF, limits);
    expect(outcome).toMatchObject({ republished: 2, confirmed: 1, failed: 1, more: false });
    expect(store.through).toEqual(new Date(0));
    expect(store.attempts).toEqual([{ trackingId: 'a', attempt: 2 }]);
  });

  it('republishes one batch per sweep and asks for another sweep at once', async () => {
    const store = new FakeSweepStore();
    for (let i = 0; i < 5; i++) store.add(`r${i}`, at(i));
    const { sink, published } = publisher();
    const batches = { ...limits, batchSize: 2 };
    expect(await sweepOnce(store, sink, CUTOFF, batches)).toMatchObject({
      republished: 2,
      more: true,
    });
    expect(store.through).toEqual(at(0));
    expect(await sweepOnce(store, sink, CUTOFF, batches)).toMatchObject({
      republished: 2,
      more: true,
    });
    expect(await sweepOnce(store, sink, CUTOFF, batches)).toMatchObject({
      republished: 1,
      more: false,
    });
    expect(published.map((r) => r.trackingId)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('pages through many requests without splitting one millisecond between pages', async () => {
    const store = new FakeSweepStore()
      .add('a', at(1))
      .add('b', at(2))
      .add('c', at(2))
      .add('d', at(3));
    ['a', 'b', 'd'].forEach((id) => (store.requests.get(id)!.result = 'done'));
    const { sink, published } = publisher();
    const paged = { ...limits, pageSize: 2 };
    expect(await sweepOnce(store, sink, CUTOFF, paged)).toMatchObject({ scanned: 1, more: true });
    expect(store.through).toEqual(at(2));
    // [b, c] share a millisecond and fill the page: read whole; c is republished and holds the cursor
    expect(await sweepOnce(store, sink, CUTOFF, paged)).toMatchObject({
      scanned: 2,
      republished: 1,
      more: false,
    });
    expect(published.map((r) => r.trackingId)).toEqual(['c']);
    expect(store.through).toEqual(at(2));
    store.requests.get('c')!.result = 'done';
    await sweepOnce(store, sink, CUTOFF, paged);
    expect(store.through).toEqual(at(3));
    await sweepOnce(store, sink, CUTOFF, paged);
    expect(store.through).toEqual(CUTOFF);
  });
});
