import { PredictionStatus } from '@sibyl/contracts';
import type { PredictionResultRecord } from '@sibyl/persistence';
import { CompletionWatcher, WakeTrigger } from './completion.watcher';

function snapshot(id: string): PredictionResultRecord {
  return { _id: id, status: PredictionStatus.Done } as PredictionResultRecord;
}

const OPTIONS = { safetyRecheckMs: 1_000, safetyRecheckMaxIds: 2, recentCompletions: 3 };

describe('CompletionWatcher', () => {
  let finished: Set<string>;
  let queries: string[][];
  let wakes: Array<[WakeTrigger, number]>;
  let lookups: Array<[WakeTrigger, number]>;
  let failNext: boolean;
  let watcher: CompletionWatcher;

  beforeEach(() => {
    jest.useFakeTimers();
    finished = new Set();
    queries = [];
    wakes = [];
    lookups = [];
    failNext = false;
    watcher = new CompletionWatcher(
      async (ids) => {
        queries.push(ids);
        if (failNext) {
          failNext = false;
          throw new Error('database gone');
        }
        return ids.filter((id) => finished.has(id)).map(snapshot);
      },
      OPTIONS,
      {
        lookedUp: (trigger, count) => lookups.push([trigger, count]),
        woke: (trigger, count) => wakes.push([trigger, count]),
      },
    );
  });
  afterEach(() => {
    watcher.close();
    jest.useRealTimers();
  });

  it('never reads the database while no announcement comes and the safety period has not passed', async () => {
    void watcher.wait('a', 10_000);
    void watcher.wait('b', 10_000);
    await jest.advanceTimersByTimeAsync(OPTIONS.safetyRecheckMs - 1);
    expect(queries).toEqual([]);
    expect(watcher.size).toBe(2);
  });

  it('wakes every waiter of an announced id with one lookup of only the awaited ids', async () => {
    const a1 = watcher.wait('a', 10_000);
    const a2 = watcher.wait('a', 10_000);
    const b = watcher.wait('b', 10_000);
    finished.add('a').add('x');
    watcher.completed(['a', 'x']);
    await expect(a1).resolves.toEqual(snapshot('a'));
    await expect(a2).resolves.toEqual(snapshot('a'));
    expect(queries).toEqual([['a']]);
    expect(wakes).toEqual([['event', 2]]);
    expect(lookups).toEqual([['event', 1]]);
    expect(watcher.size).toBe(1);
    watcher.close();
    await expect(b).resolves.toBeNull();
  });

  it('reads nothing for an announcement nobody waits for', () => {
    watcher.completed(['x', 'y']);
    expect(queries).toEqual([]);
  });

  it('answers at once a waiter that registers just after its announcement', async () => {
    finished.add('a');
    watcher.completed(['a']);
    await expect(watcher.wait('a', 10_000)).resolves.toEqual(snapshot('a'));
    expect(queries).toEqual([['a']]);
  });

  it('forgets the oldest announced ids beyond recentCompletions', async () => {
    finished.add('a');
    watcher.completed(['a', 'b', 'c', 'd']);
    void watcher.wait('a', 10_000);
    await jest.advanceTimersByTimeAsync(0);
    expect(queries).toEqual([]);
  });

  it('finds a result whose announcement was lost at the safety re-check, at most safetyRecheckMaxIds per round', async () => {
    const waits = ['a', 'b', 'c'].map((id) => watcher.wait(id, 10_000));
    ['a', 'b', 'c'].forEach((id) => finished.add(id));
    await jest.advanceTimersByTimeAsync(OPTIONS.safetyRecheckMs);
    expect(queries).toEqual([['a', 'b']]);
    await expect(Promise.all(waits.slice(0, 2))).resolves.toEqual([snapshot('a'), snapshot('b')]);
    await jest.advanceTimersByTimeAsync(OPTIONS.safetyRecheckMs);
    expect(queries).toEqual([['a', 'b'], ['c']]);
    await expect(waits[2]).resolves.toEqual(snapshot('c'));
    expect(wakes).toEqual([
      ['safety_check', 2],
      ['safety_check', 1],
    ]);
  });

  it('recheckAll() looks every awaited id up at once (after a resubscription)', async () => {
    const waits = ['a', 'b', 'c'].map((id) => watcher.wait(id, 10_000));
    finished.add('c');
    watcher.recheckAll();
    await expect(waits[2]).resolves.toEqual(snapshot('c'));
    expect(queries).toEqual([['a', 'b', 'c']]);
  });

  it('keeps waiting when a lookup fails, and the next check answers', async () => {
    const a = watcher.wait('a', 10_000);
    finished.add('a');
    failNext = true;
    watcher.completed(['a']);
    await jest.advanceTimersByTimeAsync(0);
    expect(watcher.size).toBe(1);
    await jest.advanceTimersByTimeAsync(OPTIONS.safetyRecheckMs);
    await expect(a).resolves.toEqual(snapshot('a'));
  });

  it('answers null at the timeout, and at once after close()', async () => {
    const a = watcher.wait('a', 500);
    await jest.advanceTimersByTimeAsync(500);
    await expect(a).resolves.toBeNull();
    expect(watcher.size).toBe(0);
    const b = watcher.wait('b', 10_000);
    watcher.close();
    await expect(b).resolves.toBeNull();
    await expect(watcher.wait('c', 10_000)).resolves.toBeNull();
  });
});
