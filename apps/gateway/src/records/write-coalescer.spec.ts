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
  it('writes a lone item at the end of its event-loop turn (group size 1 at low load)', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, {
      maxItems: 100,
      maxWaitMs: 10_000,
      maxConcurrent: 4,
    });
    void coalescer.add([1]);
    void coalescer.add([2, 3]);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    expect(coalescer.groupTarget).toBe(1);
  });

  it('accumulates while the write slots are busy, then writes the backlog as one group', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 10, maxWaitMs: 0, maxConcurrent: 1 });
    const first = coalescer.add([1]);
    await tick();
    const rest = [coalescer.add([2]), coalescer.add([3]), coalescer.add([4])];
    await tick();
    expect(calls).toHaveLength(1);
    expect(coalescer.queued).toBe(3);
    calls[0].resolve();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].resolve();
    await Promise.all(rest);
  });

  it('never writes more than maxItems at once (a single larger add is written alone)', async () => {
    const written: number[][] = [];
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const coalescer = new WriteCoalescer(
      async (items: number[]) => {
        written.push(items);
        await gate;
      },
      { maxItems: 3, maxWaitMs: 0, maxConcurrent: 1 },
    );
    const first = coalescer.add([0]);
    await tick();
    const adds = [[1, 2], [3, 4], [5], [6, 7, 8, 9], [10]].map((items) => coalescer.add(items));
    release();
    await first;
    await Promise.all(adds);
    expect(written).toEqual([[0], [1, 2], [3, 4, 5], [6, 7, 8, 9], [10]]);
  });

  it('rejects every caller of a failed write, and only them', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 2, maxWaitMs: 0, maxConcurrent: 2 });
    const failed = coalescer.add([1, 2]);
    await tick();
    const later = coalescer.add([3]);
    await tick();
    calls[0].reject(new Error('database down'));
    await expect(failed).rejects.toThrow('database down');
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
    await expect(coalescer.drain()).resolves.toBe(true);
    expect(written).toEqual([[1, 2]]);
  });

  it('drain gives up after its bound on a write that never returns, and says what is left', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 10, maxWaitMs: 0, maxConcurrent: 1 });
    void coalescer.add([1, 2]).catch(() => undefined);
    await tick();
    void coalescer.add([3]).catch(() => undefined);
    const started = Date.now();
    await expect(coalescer.drain(50)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toHaveLength(1); // the hung write holds the only slot
    expect(coalescer.unsettled).toBe(3);
    calls[0].resolve();
    const draining = coalescer.drain(1000);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1, 2], [3]]);
    calls[1].resolve();
    await expect(draining).resolves.toBe(true);
    expect(coalescer.unsettled).toBe(0);
  });

  it('resolves an empty add without writing', async () => {
    const { calls, write } = manualWrite();
    const coalescer = new WriteCoalescer(write, { maxItems: 1, maxWaitMs: 0, maxConcurrent: 1 });
    await coalescer.add([]);
    expect(calls).toHaveLength(0);
  });
});

/**
 * A simulated steady load on fake timers: `perMs` adds per millisecond, each write taking
 * `latencyMs` whatever its size. Returns the sizes written and the most writes seen in flight.
 */
async function simulate(perMs: number, latencyMs: number, ms: number) {
  const sizes: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const coalescer = new WriteCoalescer(
    async (items: number[]) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      sizes.push(items.length);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      inFlight--;
    },
    { maxItems: 200, maxWaitMs: 2, maxConcurrent: 4 },
  );
  const adds: Promise<void>[] = [];
  for (let t = 0; t < ms; t++) {
    for (let i = 0; i < perMs; i++) adds.push(coalescer.add([t]));
    await jest.advanceTimersByTimeAsync(1);
  }
  const underLoad = sizes.slice(0, -4); // the last writes carry the tail once the load stops
  await jest.advanceTimersByTimeAsync(latencyMs * 10);
  await Promise.all(adds);
  return { sizes, underLoad, peak, coalescer };
}

describe('WriteCoalescer under a steady load (fake timers)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('grows its groups with the load and converges, within every bound', async () => {
    const light = await simulate(1, 5, 400);
    const heavy = await simulate(20, 5, 400);
    for (const run of [light, heavy]) {
      expect(Math.max(...run.sizes)).toBeLessThanOrEqual(200);
      expect(run.peak).toBeLessThanOrEqual(4);
    }
    const median = (sizes: number[]) => [...sizes].sort((a, b) => a - b)[sizes.length >> 1];
    // Late groups under load are far larger than under light load: fewer round trips per item.
    expect(median(heavy.underLoad.slice(-20))).toBeGreaterThan(
      4 * median(light.underLoad.slice(-20)),
    );
    expect(heavy.sizes.length).toBeLessThan((20 * 400) / 10);
    // Converged: the late groups under a steady load stay within a factor 2 of each other.
    const late = heavy.underLoad.slice(-20);
    expect(Math.max(...late)).toBeLessThanOrEqual(2 * Math.min(...late) + 1);
  });

  it('returns to writing each item at once when the load stops', async () => {
    const { coalescer } = await simulate(20, 5, 200);
    for (let i = 0; i < 25; i++) {
      const one = coalescer.add([i]);
      await jest.advanceTimersByTimeAsync(10);
      await one;
    }
    expect(coalescer.groupTarget).toBe(1);
  });
});
