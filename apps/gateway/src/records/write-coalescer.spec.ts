import { WriteCoalescer } from './write-coalescer';

/** A bulk write the test settles by hand. */
function manualWrite() {
  const calls: Array<{ items: number[]; resolve: () => void; reject: (e: Error) => void }> = [];
  const write = (items: number[]) =>
    new Promise<void>((resolve, reject) => calls.push({ items, resolve, reject }));
  return { calls, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteCoalescer', () => {
  it('groups items added in the same window into one write', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 100, maxWaitMs: 0, maxConcurrent: 1 });
    const a = coalescer.add([1, 2]);
    const b = coalescer.add([3]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    calls[0].resolve();
    await expect(Promise.all([a, b])).resolves.toEqual([undefined, undefined]);
  });

  it('flushes at once when maxItems are waiting', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, {
      maxItems: 2,
      maxWaitMs: 10_000,
      maxConcurrent: 4,
    });
    void coalescer.add([1]);
    void coalescer.add([2]);
    expect(calls.map((c) => c.items)).toEqual([[1, 2]]);
  });

  it('accumulates while the write slots are busy, then writes the rest in one go', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 1, maxWaitMs: 0, maxConcurrent: 1 });
    const first = coalescer.add([1]);
    const rest = [coalescer.add([2]), coalescer.add([3]), coalescer.add([4])];
    expect(calls).toHaveLength(1);
    expect(coalescer.queued).toBe(3);
    calls[0].resolve();
    await first;
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].resolve();
    await Promise.all(rest);
  });

  it('rejects every caller of a failed write, and only them', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 2, maxWaitMs: 0, maxConcurrent: 2 });
    const failed = [coalescer.add([1]), coalescer.add([2])];
    const later = coalescer.add([3]);
    calls[0].reject(new Error('database down'));
    for (const p of failed) await expect(p).rejects.toThrow('database down');
    await new Promise((resolve) => setTimeout(resolve, 5));
    calls[1].resolve();
    await expect(later).resolves.toBeUndefined();
  });

  it('drain waits for queued and in-flight writes', async () => {
    const written: number[][] = [];
    const coalescer = new WriteCoalescer(
      async (items: number[]) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        written.push(items);
      },
      { maxItems: 10, maxWaitMs: 1000, maxConcurrent: 1 },
    );
    void coalescer.add([1]);
    void coalescer.add([2]);
    await coalescer.drain();
    expect(written).toEqual([[1, 2]]);
  });

  it('resolves an empty add without writing', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 1, maxWaitMs: 0, maxConcurrent: 1 });
    await coalescer.add([]);
    expect(calls).toHaveLength(0);
  });
});
