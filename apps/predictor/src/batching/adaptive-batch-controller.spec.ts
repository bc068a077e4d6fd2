import { AdaptiveBatchController } from './adaptive-batch-controller';
import { MicroBatcher } from './micro-batcher';

const BOUNDS = { maxSize: 64, maxWaitMs: 5 };

/** Feeds `perMs` arrivals per millisecond for `ms` milliseconds, one write of `writeMs` per 10 ms. */
function steady(
  controller: AdaptiveBatchController,
  from: number,
  ms: number,
  perMs: number,
  writeMs: number,
): number {
  let owed = 0;
  for (let t = from; t < from + ms; t++) {
    owed += perMs;
    for (; owed >= 1; owed--) controller.arrived(t);
    if (t % 10 === 0) controller.committed(1, writeMs);
  }
  return from + ms;
}

describe('AdaptiveBatchController', () => {
  it('starts in latency mode: one item, no wait', () => {
    const controller = new AdaptiveBatchController(BOUNDS);
    controller.arrived(0);
    expect(controller.sizing(1, 0)).toEqual({ size: 1, waitMs: 0 });
  });

  it('converges under steady load to the items that arrive during one write', () => {
    const controller = new AdaptiveBatchController(BOUNDS);
    // 2 items/ms (2,000/s) and 10 ms writes: about 20 items arrive per write
    const now = steady(controller, 0, 3000, 2, 10);
    const { size, waitMs } = controller.sizing(1, now);
    expect(controller.ratePerMs(now)).toBeCloseTo(2, 0);
    expect(size).toBeGreaterThanOrEqual(19);
    expect(size).toBeLessThanOrEqual(22);
    expect(waitMs).toBe(BOUNDS.maxWaitMs);
    // stable: another second of the same load keeps it there
    expect(controller.sizing(1, steady(controller, now, 1000, 2, 10)).size).toBe(size);
  });

  it('stays in latency mode at low load (fewer than one item per write)', () => {
    const controller = new AdaptiveBatchController(BOUNDS);
    // 0.05 items/ms (50/s) and 5 ms writes: a quarter of an item per write
    const now = steady(controller, 0, 3000, 0.05, 5);
    expect(controller.sizing(1, now)).toEqual({ size: 1, waitMs: 0 });
  });

  it('shrinks when the load drops, and is back to realtime once arrivals stop', () => {
    const controller = new AdaptiveBatchController(BOUNDS);
    let now = steady(controller, 0, 2000, 4, 10);
    expect(controller.sizing(1, now).size).toBe(40);
    now = steady(controller, now, 2000, 0.5, 10);
    const lower = controller.sizing(1, now).size;
    expect(lower).toBeGreaterThanOrEqual(4);
    expect(lower).toBeLessThanOrEqual(6);
    expect(controller.sizing(1, now + 2000)).toEqual({ size: 1, waitMs: 0 });
  });

  it('never exceeds its bounds, whatever the load and latency', () => {
    const controller = new AdaptiveBatchController(BOUNDS);
    let now = 0;
    for (const [perMs, writeMs] of [
      [100, 1e6],
      [1e-4, 0],
      [50, 3],
      [0, 1e9],
    ]) {
      now = steady(controller, now, 500, perMs, writeMs);
      for (const backlog of [0, 1, 63, 64, 65, 10_000]) {
        const { size, waitMs } = controller.sizing(backlog, now);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(BOUNDS.maxSize);
        expect(waitMs).toBeGreaterThanOrEqual(0);
        expect(waitMs).toBeLessThanOrEqual(BOUNDS.maxWaitMs);
      }
    }
  });

  it('does not wait for items that are already there: the wait shrinks with the backlog', () => {
    const controller = new AdaptiveBatchController({ maxSize: 64, maxWaitMs: 50 });
    const now = steady(controller, 0, 2000, 1, 20);
    const size = controller.sizing(1, now).size;
    expect(controller.sizing(1, now).waitMs).toBeGreaterThan(
      controller.sizing(size - 2, now).waitMs,
    );
    expect(controller.sizing(size, now).waitMs).toBe(0);
  });

  it('absorbs a single write-latency spike and follows a lasting one', () => {
    const controller = new AdaptiveBatchController(BOUNDS);
    let now = steady(controller, 0, 2000, 1, 4);
    const baseline = controller.sizing(1, now).size;
    expect(baseline).toBe(4);
    // one write of 5 s (e.g. a stalled disk) counts as at most 4× the estimate
    controller.committed(4, 5000);
    expect(controller.writeLatencyMs).toBeLessThanOrEqual(4 * 4);
    now = steady(controller, now, 300, 1, 4);
    expect(controller.sizing(1, now).size).toBe(baseline);
    // writes that stay slow (40 ms) move the estimate there within a few dozen batches
    now = steady(controller, now, 500, 1, 40);
    expect(controller.sizing(1, now).size).toBe(40);
    now = steady(controller, now, 500, 1, 4);
    expect(controller.sizing(1, now).size).toBe(baseline);
  });

  it('refuses nonsensical bounds', () => {
    expect(() => new AdaptiveBatchController({ maxSize: 0, maxWaitMs: 5 })).toThrow(RangeError);
    expect(() => new AdaptiveBatchController({ maxSize: 8, maxWaitMs: -1 })).toThrow(RangeError);
    expect(
      () => new AdaptiveBatchController({ maxSize: 8, maxWaitMs: 5, latencyWeight: 2 }),
    ).toThrow(RangeError);
  });
});

describe('MicroBatcher with the adaptive controller (fake timers)', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('is deterministic and works off a steady load in batches of about λ·L, never above the cap', async () => {
    const run = async (): Promise<number[]> => {
      const sizes: number[] = [];
      const controller = new AdaptiveBatchController(BOUNDS);
      const batcher = new MicroBatcher<number, number>(
        async (items) => {
          await new Promise((resolve) => setTimeout(resolve, 8));
          return items;
        },
        { ...BOUNDS, policy: controller, onBatchClosed: (size) => sizes.push(size) },
      );
      const done: Promise<number>[] = [];
      for (let ms = 0; ms < 2000; ms++) {
        done.push(batcher.add(ms), batcher.add(ms));
        await jest.advanceTimersByTimeAsync(1);
      }
      await jest.advanceTimersByTimeAsync(100);
      await expect(Promise.all(done)).resolves.toHaveLength(4000);
      return sizes;
    };
    const first = await run();
    jest.setSystemTime(0);
    const second = await run();
    expect(second).toEqual(first);
    expect(Math.max(...first)).toBeLessThanOrEqual(BOUNDS.maxSize);
    // 2 items/ms, 8 ms writes: once warmed up, batches of ~16 (the writer keeps up, nothing piles up)
    const tail = first.slice(-20);
    const mean = tail.reduce((a, b) => a + b, 0) / tail.length;
    expect(mean).toBeGreaterThanOrEqual(12);
    expect(mean).toBeLessThanOrEqual(20);
  });

  it('at low load writes each item alone on the next turn of the event loop, without waiting', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push([...items]);
        return items;
      },
      { maxSize: 64, maxWaitMs: 50, policy: new AdaptiveBatchController(BOUNDS) },
    );
    const first = batcher.add(1);
    await jest.advanceTimersByTimeAsync(0);
    await expect(first).resolves.toBe(1);
    await jest.advanceTimersByTimeAsync(500);
    const second = batcher.add(2);
    await jest.advanceTimersByTimeAsync(0);
    await expect(second).resolves.toBe(2);
    expect(batches).toEqual([[1], [2]]);
  });
});
