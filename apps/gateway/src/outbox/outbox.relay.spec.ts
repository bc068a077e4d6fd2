import { Logger } from '@nestjs/common';
import type { PredictionRequest } from '@sibyl/contracts';
import type { DispatchOptions, DispatchResult } from './outbox.dispatcher';
import { SWEEP_MIN_INTERVAL_MS } from './outbox.constants';
import {
  BrokerProbe,
  OutboxRelay,
  OutboxRelayOptions,
  OutboxSink,
  RepublishSignal,
} from './outbox.relay';
import { FakeSweepStore } from '../../test/outbox/sweep-store.fake';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const options: OutboxRelayOptions = {
  intervalMs: 1000,
  republishAfterMs: 60000,
  batchSize: 3,
  maxAttempts: 5,
};
const at = (ms: number) => new Date(NOW.getTime() + ms);
const SUBMITTED = new Date('2026-03-01T11:00:00.000Z');

function request(id: string, attempt = 2): PredictionRequest {
  return { trackingId: id, text: `text ${id}`, submittedAt: '2026-03-01T11:00:00.000Z', attempt };
}

/** In-memory fakes of the store, the dispatcher and the broker, recording how the relay uses them. */
function fakes(
  init: {
    overdue?: Array<[string, number, number?]>;
    retries?: PredictionRequest[];
    ready?: number;
    connected?: boolean;
    fail?: Set<string>;
    signal?: RepublishSignal;
  } = {},
  relayOptions: OutboxRelayOptions = options,
) {
  const store = new FakeSweepStore();
  for (const [id, attempts, offsetMs = 0] of init.overdue ?? []) {
    store.add(id, new Date(SUBMITTED.getTime() + offsetMs), { publishAttempts: attempts });
  }
  const sweeps = store.pages;
  const dispatched: Array<{ requests: PredictionRequest[]; options?: DispatchOptions }> = [];
  const retries = [...(init.retries ?? [])];
  const sink: OutboxSink = {
    pending: 0,
    overflowed: false,
    get retryCount() {
      return retries.length;
    },
    takeRetries: (limit) => retries.splice(0, limit),
    dispatch: async (requests, dispatchOptions): Promise<DispatchResult> => {
      dispatched.push({ requests: [...requests], options: dispatchOptions });
      const failed = requests.filter((r) => init.fail?.has(r.trackingId));
      retries.push(...failed.map((r) => ({ ...r, attempt: r.attempt + 1 })));
      const confirmedIds = requests
        .filter((r) => !init.fail?.has(r.trackingId))
        .map((r) => r.trackingId);
      return {
        confirmed: confirmedIds.length,
        failed: failed.length,
        confirmedIds,
        error: failed.length ? 'refused' : undefined,
      };
    },
  };
  const broker: BrokerProbe = {
    connected: init.connected ?? true,
    readyCount: async () => {
      if (init.ready === undefined) throw new Error('no channel');
      return init.ready;
    },
  };
  const gaveUp = { count: 0, inc: (n: number) => (gaveUp.count += n) };
  return {
    relay: new OutboxRelay(store, sink, broker, relayOptions, gaveUp, init.signal),
    sweeps,
    dispatched,
    sink,
    retries,
    store,
    gaveUp,
  };
}

describe('OutboxRelay', () => {
  it('republishes failed publishes kept in memory, without querying the database when no sweep is due', async () => {
    const { relay, sweeps, dispatched, retries } = fakes({ ready: 0 });
    await relay.runOnce(NOW); // the start-up sweep
    sweeps.length = 0;
    retries.push(request('d'));
    const run = await relay.runOnce(at(1000));
    expect(sweeps).toHaveLength(0);
    expect(dispatched.at(-1)).toEqual({ requests: [request('d')], options: { source: 'retry' } });
    expect(run).toMatchObject({ retried: 1, swept: 0, confirmed: 1, failed: 0 });
  });

  it('retries at most a batch per run', async () => {
    const { relay, dispatched, sink } = fakes({
      retries: ['a', 'b', 'c', 'd'].map((id) => request(id)),
      ready: 5,
    });
    await relay.runOnce(NOW);
    expect(dispatched[0].requests.map((r) => r.trackingId)).toEqual(['a', 'b', 'c']);
    expect(sink.retryCount).toBe(1);
  });

  it('keeps failing retries for later and does not sweep meanwhile', async () => {
    const { relay, sweeps, sink } = fakes({
      retries: [request('a')],
      ready: 0,
      fail: new Set(['a']),
    });
    const run = await relay.runOnce(NOW);
    expect(run).toMatchObject({ retried: 1, failed: 1 });
    expect(sweeps).toHaveLength(0);
    expect(sink.retryCount).toBe(1);
    expect(relay.backlog()).toBe(1);
  });

  it('sweeps at start-up: requests without a result are published with attempt + 1', async () => {
    const { relay, sweeps, dispatched, store } = fakes({
      overdue: [
        ['o1', 1],
        ['o2', 2],
      ],
      ready: 0,
    });
    const run = await relay.runOnce(NOW);
    expect(sweeps).toEqual([
      { from: new Date(0), to: new Date(NOW.getTime() - 60000), limit: 20_000 },
    ]);
    expect(dispatched).toEqual([
      {
        requests: [
          {
            trackingId: 'o1',
            text: 'text o1',
            submittedAt: '2026-03-01T11:00:00.000Z',
            attempt: 2,
          },
          {
            trackingId: 'o2',
            text: 'text o2',
            submittedAt: '2026-03-01T11:00:00.000Z',
            attempt: 3,
          },
        ],
        options: { source: 'sweep' },
      },
    ]);
    expect(run).toMatchObject({ swept: 2, confirmed: 2, sweep: 'start-up' });
    expect(store.through).toEqual(SUBMITTED); // held at the first request still without a result
  });

  it('gives up on requests published maxAttempts times and counts them', async () => {
    const { relay, dispatched, gaveUp, store } = fakes({ overdue: [['poison', 5]], ready: 0 });
    expect(await relay.runOnce(NOW)).toMatchObject({ swept: 0, gaveUp: 1 });
    expect(dispatched).toHaveLength(0);
    expect(gaveUp.count).toBe(1);
    expect(store.requests.get('poison')?.result).toBe('failed');
  });

  it('sweeps under a backlog too (a publish lost under load is repaired), but only requests older than republishUnderBacklogMs', async () => {
    const underBacklog = { ...options, republishUnderBacklogMs: 600_000 };
    // 'old' was submitted 11 minutes before NOW, 'recent' 5 minutes before.
    const init = {
      ready: 42,
      overdue: [
        ['old', 1, -11 * 60_000 + (NOW.getTime() - SUBMITTED.getTime())],
        ['recent', 1, -5 * 60_000 + (NOW.getTime() - SUBMITTED.getTime())],
      ] as Array<[string, number, number]>,
    };
    const backlog = fakes(init, underBacklog);
    const run = await backlog.relay.runOnce(NOW);
    expect(run).toMatchObject({
      sweep: 'start-up',
      swept: 1,
      overdueAfter: '600000 ms (requests queue holds 42 ready messages)',
    });
    expect(backlog.dispatched.flatMap((d) => d.requests.map((r) => r.trackingId))).toEqual(['old']);
    expect(backlog.relay.oldestUnfinishedAgeSeconds(NOW)).toBe(11 * 60);
    const blind = fakes({ ...init, ready: undefined }, underBacklog);
    expect(await blind.relay.runOnce(NOW)).toMatchObject({
      swept: 1,
      overdueAfter: '600000 ms (requests queue depth unknown)',
    });
  });

  it('sweeps again every republishAfterMs, at once after a full batch, and after a retry-memory overflow', async () => {
    const { relay, sink } = fakes({ ready: 0 });
    await relay.runOnce(NOW);
    expect(relay.sweepReason(at(options.republishAfterMs - 1).getTime())).toBeUndefined();
    expect(relay.sweepReason(at(options.republishAfterMs).getTime())).toBe('periodic');
    sink.overflowed = true;
    expect(relay.sweepReason(at(10).getTime())).toBeUndefined(); // rate limit
    expect(relay.sweepReason(at(SWEEP_MIN_INTERVAL_MS).getTime())).toBe('retry memory overflowed');
    const full = fakes({
      overdue: [
        ['a', 1, 0],
        ['b', 1, 1],
        ['c', 1, 2],
        ['d', 1, 3],
      ],
      ready: 0,
    });
    await full.relay.runOnce(NOW);
    expect(full.relay.sweepReason(at(SWEEP_MIN_INTERVAL_MS).getTime())).toBe(
      'more overdue requests',
    );
  });

  describe('republish marker (requests queue lost)', () => {
    /** A request submitted `ageMs` before NOW: too young for the age-based sweep. */
    const young = (id: string, ageMs: number): [string, number, number] => [
      id,
      1,
      NOW.getTime() - ageMs - SUBMITTED.getTime(),
    ];

    it('republishes at once, on a new generation, every request without a result published before it', async () => {
      const marker = { value: 3 };
      const signal: RepublishSignal = { generation: async () => marker.value };
      const { relay, dispatched, store } = fakes({
        overdue: [young('lost-1', 5000), young('lost-2', 3000), young('done', 4000)],
        ready: 0,
        signal,
      });
      const done = store.requests.get('done');
      if (done) done.result = 'done';
      const first = await relay.runOnce(NOW); // start-up: records generation 3, nothing is old enough
      expect(first).toMatchObject({ sweep: 'start-up', swept: 0 });
      expect((await relay.runOnce(at(1000))).sweep).toBeUndefined();
      marker.value = 4;
      const repair = await relay.runOnce(at(2000));
      expect(repair).toMatchObject({
        sweep: 'requests queue lost',
        swept: 2,
        overdueAfter: `published before ${at(2000).toISOString()} (requests queue lost)`,
      });
      expect(dispatched.flatMap((d) => d.requests.map((r) => r.trackingId))).toEqual([
        'lost-1',
        'lost-2',
      ]);
      // done: the next wake-ups sweep by age again
      expect(relay.sweepReason(at(4000).getTime())).toBeUndefined();
    });

    it('keeps repairing, rate-limited, until every lost request is republished', async () => {
      const marker = { value: 0 };
      const { relay, dispatched } = fakes({
        overdue: ['a', 'b', 'c', 'd', 'e'].map((id, i) => young(id, 5000 - i)),
        ready: 0,
        signal: { generation: async () => marker.value },
      });
      await relay.runOnce(NOW);
      marker.value = 1;
      expect(await relay.runOnce(at(1000))).toMatchObject({ swept: 3 }); // batchSize 3
      expect(relay.sweepReason(at(1500).getTime())).toBeUndefined(); // SWEEP_MIN_INTERVAL_MS
      expect(relay.sweepReason(at(2000).getTime())).toBe('requests queue lost');
      expect(await relay.runOnce(at(2000))).toMatchObject({ swept: 2 });
      expect(dispatched.flatMap((d) => d.requests.map((r) => r.trackingId))).toEqual([
        'a',
        'b',
        'c',
        'd',
        'e',
      ]);
      expect((await relay.runOnce(at(3000))).sweep).toBeUndefined();
    });

    it('a marker it cannot read changes nothing (the age-based sweep remains)', async () => {
      const { relay } = fakes({
        overdue: [young('x', 5000)],
        ready: 0,
        signal: {
          generation: async () => {
            throw new Error('database down');
          },
        },
      });
      expect(await relay.runOnce(NOW)).toMatchObject({ sweep: 'start-up', swept: 0 });
      expect((await relay.runOnce(at(1000))).sweep).toBeUndefined();
    });
  });

  it('does nothing while the broker is disconnected', async () => {
    const { relay, sweeps, dispatched } = fakes({
      retries: [request('a')],
      overdue: [['o', 1]],
      connected: false,
      ready: 0,
    });
    expect(await relay.runOnce(NOW)).toMatchObject({ skipped: 'broker disconnected' });
    expect(sweeps).toHaveLength(0);
    expect(dispatched).toHaveLength(0);
  });

  it('wakes up periodically once started, and stops on shutdown', async () => {
    jest.useFakeTimers({ now: NOW });
    try {
      const { relay, sweeps, retries, dispatched } = fakes({ ready: 0 });
      relay.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(1500);
      expect(sweeps).toHaveLength(1);
      retries.push(request('late'));
      await jest.advanceTimersByTimeAsync(1000);
      expect(dispatched.map((d) => d.requests[0]?.trackingId)).toContain('late');
      await jest.advanceTimersByTimeAsync(options.republishAfterMs);
      expect(sweeps).toHaveLength(2);
      await relay.beforeApplicationShutdown();
      retries.push(request('after shutdown'));
      await jest.advanceTimersByTimeAsync(2 * options.republishAfterMs);
      expect(sweeps).toHaveLength(2);
      expect(retries).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits at most shutdownWaitMs for a run the database holds, then goes on, saying so', async () => {
    jest.useFakeTimers({ now: NOW });
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation();
    try {
      const signal: RepublishSignal = { generation: () => new Promise(() => undefined) }; // never answers
      const { relay } = fakes({ ready: 0, signal }, { ...options, shutdownWaitMs: 1000 });
      relay.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(options.intervalMs + 10); // a run starts and hangs
      let closed = false;
      const closing = relay.beforeApplicationShutdown().then(() => (closed = true));
      await jest.advanceTimersByTimeAsync(999);
      expect(closed).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await closing;
      expect(error).toHaveBeenCalledWith(
        expect.stringContaining("the relay's run (retries, sweep) still unfinished after 1000 ms"),
      );
    } finally {
      error.mockRestore();
      jest.useRealTimers();
    }
  });
});
