import { MicroBatcher, MicroBatcherClosedError } from './micro-batcher';

/** A processor that records its batches and doubles each number (or fails the item 13 on its own). */
function recordingProcessor() {
  const batches: number[][] = [];
  const processor = jest.fn(async (items: readonly number[]) => {
    batches.push([...items]);
    return items.map((n) =>
      n === 13 ? { ok: false as const, n } : { ok: true as const, value: n * 2 },
    );
  });
  return { batches, processor };
}

describe('MicroBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('processes a batch as soon as it is full, without waiting', async () => {
    const { batches, processor } = recordingProcessor();
    const batcher = new MicroBatcher(processor, { maxSize: 3, maxWaitMs: 10_000 });
    const results = [1, 2, 3].map((n) => batcher.add(n));
    await expect(Promise.all(results)).resolves.toEqual([
      { ok: true, value: 2 },
      { ok: true, value: 4 },
      { ok: true, value: 6 },
    ]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('processes a partial batch when its first item has waited maxWaitMs', async () => {
    const { batches, processor } = recordingProcessor();
    const batcher = new MicroBatcher(processor, { maxSize: 10, maxWaitMs: 50 });
    const first = batcher.add(1);
    jest.advanceTimersByTime(30);
    const second = batcher.add(2);
    expect(processor).not.toHaveBeenCalled();
    jest.advanceTimersByTime(20);
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    expect(batches).toEqual([[1, 2]]);
    // the next item opens a new batch with a fresh timer
    const third = batcher.add(3);
    jest.advanceTimersByTime(49);
    expect(processor).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    await third;
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('splits a burst into batches of at most maxSize', async () => {
    const { batches, processor } = recordingProcessor();
    const batcher = new MicroBatcher(processor, { maxSize: 2, maxWaitMs: 5 });
    const results = [1, 2, 3, 4, 5].map((n) => batcher.add(n));
    jest.advanceTimersByTime(5);
    await Promise.all(results);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('with maxSize 1 processes every item on its own at once (realtime)', async () => {
    const { batches, processor } = recordingProcessor();
    const batcher = new MicroBatcher(processor, { maxSize: 1, maxWaitMs: 10_000 });
    await Promise.all([batcher.add(7), batcher.add(8)]);
    expect(batches).toEqual([[7], [8]]);
  });

  it('isolates a failed item: the others of its batch keep their results', async () => {
    const { processor } = recordingProcessor();
    const batcher = new MicroBatcher(processor, { maxSize: 3, maxWaitMs: 5 });
    const results = await Promise.all([12, 13, 14].map((n) => batcher.add(n)));
    expect(results).toEqual([
      { ok: true, value: 24 },
      { ok: false, n: 13 },
      { ok: true, value: 28 },
    ]);
  });

  it('rejects only the items of a batch whose processor throws', async () => {
    const processor = jest.fn(async (items: readonly number[]) => {
      if (items.includes(99)) throw new Error('database down');
      return items.map((n) => n);
    });
    const batcher = new MicroBatcher(processor, { maxSize: 2, maxWaitMs: 5 });
    const failed = [batcher.add(1), batcher.add(99)];
    const fine = [batcher.add(3), batcher.add(4)];
    await expect(Promise.allSettled(failed)).resolves.toEqual([
      { status: 'rejected', reason: new Error('database down') },
      { status: 'rejected', reason: new Error('database down') },
    ]);
    await expect(Promise.all(fine)).resolves.toEqual([3, 4]);
  });

  it('rejects a batch whose processor returns the wrong number of results', async () => {
    const batcher = new MicroBatcher(async () => [1], { maxSize: 2, maxWaitMs: 5 });
    const results = Promise.allSettled([batcher.add(1), batcher.add(2)]);
    await expect(results).resolves.toEqual([
      expect.objectContaining({ status: 'rejected' }),
      expect.objectContaining({ status: 'rejected' }),
    ]);
  });

  it('drain() processes the open batch at once when idle, waits for it and refuses new items', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const processor = jest.fn(async (items: readonly number[]) => {
      await gate;
      return items;
    });
    const batcher = new MicroBatcher(processor, { maxSize: 10, maxWaitMs: 60_000 });
    const item = batcher.add(1);
    let drained = false;
    const draining = batcher.drain().then(() => (drained = true));
    expect(processor).toHaveBeenCalledWith([1]);
    expect(batcher.processing).toBe(1);
    await Promise.resolve();
    expect(drained).toBe(false);
    release();
    await draining;
    await expect(item).resolves.toBe(1);
    expect(batcher.processing).toBe(0);
    await expect(batcher.add(2)).rejects.toThrow(MicroBatcherClosedError);
  });

  it('drain() writes the batches already in the pipeline and releases what has not started', async () => {
    const gates: Array<() => void> = [];
    const processor = jest.fn(async (items: readonly number[]) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return items;
    });
    const batcher = new MicroBatcher(processor, { maxSize: 2, maxWaitMs: 60_000 });
    const writing = [batcher.add(1), batcher.add(2)];
    const prepared = [batcher.add(3), batcher.add(4)];
    const open = batcher.add(5);
    const draining = batcher.drain();
    await expect(open).rejects.toThrow(MicroBatcherClosedError);
    gates.shift()?.();
    await expect(Promise.all(writing)).resolves.toEqual([1, 2]);
    await Promise.resolve();
    gates.shift()?.();
    await draining;
    await expect(Promise.all(prepared)).resolves.toEqual([3, 4]);
    expect(processor).toHaveBeenCalledTimes(2);
  });

  it('processes one batch at a time by default: a closed batch waits for the previous one', async () => {
    const gates: Array<() => void> = [];
    const started: number[][] = [];
    const processor = jest.fn(async (items: readonly number[]) => {
      started.push([...items]);
      await new Promise<void>((resolve) => gates.push(resolve));
      return items;
    });
    const batcher = new MicroBatcher(processor, { maxSize: 2, maxWaitMs: 5 });
    const results = [1, 2, 3, 4].map((n) => batcher.add(n));
    expect(started).toEqual([[1, 2]]);
    expect(batcher.processing).toBe(2);
    gates.shift()?.();
    await results[0];
    await Promise.resolve();
    expect(started).toEqual([
      [1, 2],
      [3, 4],
    ]);
    gates.shift()?.();
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4]);
    expect(batcher.processing).toBe(0);
  });

  it('runs up to maxInFlightCommits commits at once, with one prepared batch waiting', () => {
    const processor = jest.fn(() => new Promise<number[]>(() => undefined));
    const batcher = new MicroBatcher(processor, {
      maxSize: 1,
      maxWaitMs: 5,
      maxInFlightCommits: 2,
    });
    [1, 2, 3].forEach((n) => void batcher.add(n));
    expect(processor).toHaveBeenCalledTimes(2);
    expect(batcher.processing).toBe(3);
  });

  it('refuses nonsensical options', () => {
    expect(() => new MicroBatcher(async (x) => x, { maxSize: 0, maxWaitMs: 5 })).toThrow(
      RangeError,
    );
    expect(() => new MicroBatcher(async (x) => x, { maxSize: 1, maxWaitMs: -1 })).toThrow(
      RangeError,
    );
  });
});
