import { PredictionStatus } from '@sibyl/contracts';
import type { PredictionResultRecord } from '@sibyl/persistence';
import { CompletionWatcher } from './completion.watcher';

function snapshot(id: string): PredictionResultRecord {
  return { _id: id, status: PredictionStatus.Done } as PredictionResultRecord;
}

describe('CompletionWatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('polls once for all waiters and resolves those that finished', async () => {
    const finished = new Set<string>();
    const queries: string[][] = [];
    const watcher = new CompletionWatcher(async (ids) => {
      queries.push(ids);
      return ids.filter((id) => finished.has(id)).map(snapshot);
    }, 50);
    const a1 = watcher.wait('a', 10_000);
    const a2 = watcher.wait('a', 10_000);
    const b = watcher.wait('b', 10_000);
    await jest.advanceTimersByTimeAsync(50);
    expect(queries).toEqual([['a', 'b']]);
    finished.add('a');
    await jest.advanceTimersByTimeAsync(50);
    await expect(a1).resolves.toEqual(snapshot('a'));
    await expect(a2).resolves.toEqual(snapshot('a'));
    expect(queries[1]).toEqual(['a', 'b']);
    expect(watcher.size).toBe(1);
    finished.add('b');
    await jest.advanceTimersByTimeAsync(50);
    await expect(b).resolves.toEqual(snapshot('b'));
    await jest.advanceTimersByTimeAsync(500);
    expect(queries).toHaveLength(3);
  });

  it('resolves null when the wait times out, and stops polling', async () => {
    const lookup = jest.fn(async () => []);
    const watcher = new CompletionWatcher(lookup, 50);
    const pending = watcher.wait('a', 120);
    await jest.advanceTimersByTimeAsync(120);
    await expect(pending).resolves.toBeNull();
    const calls = lookup.mock.calls.length;
    await jest.advanceTimersByTimeAsync(1000);
    expect(lookup.mock.calls.length).toBe(calls);
  });

  it('keeps polling through a failed query', async () => {
    let fail = true;
    const watcher = new CompletionWatcher(async (ids) => {
      if (fail) throw new Error('database down');
      return ids.map(snapshot);
    }, 50);
    const pending = watcher.wait('a', 10_000);
    await jest.advanceTimersByTimeAsync(50);
    fail = false;
    await jest.advanceTimersByTimeAsync(50);
    await expect(pending).resolves.toEqual(snapshot('a'));
  });

  it('answers null at once for a zero wait, and releases waiters on close', async () => {
    const watcher = new CompletionWatcher(async () => [], 50);
    await expect(watcher.wait('a', 0)).resolves.toBeNull();
    const pending = watcher.wait('b', 10_000);
    watcher.close();
    await expect(pending).resolves.toBeNull();
  });
});
