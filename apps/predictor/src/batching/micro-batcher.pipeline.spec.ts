import { MicroBatcher, type BatchStages } from './micro-batcher';

/** Stages that log every step and hold each commit until released. */
function gatedStages() {
  const log: string[] = [];
  const gates: Array<() => void> = [];
  const stages: BatchStages<number, number[], number> = {
    prepare: (items) => {
      log.push(`prepare ${items.join(',')}`);
      return items.map((n) => n * 10);
    },
    commit: async (prepared) => {
      log.push(`commit ${prepared.join(',')}`);
      await new Promise<void>((resolve) => gates.push(resolve));
      log.push(`committed ${prepared.join(',')}`);
      return prepared;
    },
  };
  return { log, gates, stages };
}

describe('MicroBatcher pipelining', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('prepares the next batch while the previous one is being written, and settles items only after their write', async () => {
    const { log, gates, stages } = gatedStages();
    const batcher = new MicroBatcher(stages, { maxSize: 2, maxWaitMs: 5 });
    const first = [batcher.add(1), batcher.add(2)];
    const second = [batcher.add(3), batcher.add(4)];
    const settled: number[] = [];
    [...first, ...second].forEach((p) => void p.then((v) => settled.push(v)));
    expect(log).toEqual(['prepare 1,2', 'commit 10,20', 'prepare 3,4']);
    expect(batcher.commitsInFlight).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(settled).toEqual([]);
    gates.shift()?.();
    await jest.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([10, 20]);
    expect(log.slice(3)).toEqual(['committed 10,20', 'commit 30,40']);
    gates.shift()?.();
    await expect(Promise.all(second)).resolves.toEqual([30, 40]);
  });

  it('while the writer is busy classifies ahead only a full batch; a partial one grows until the write ends', async () => {
    const { log, gates, stages } = gatedStages();
    const batcher = new MicroBatcher(stages, { maxSize: 4, maxWaitMs: 5 });
    const first = batcher.add(1);
    await jest.advanceTimersByTimeAsync(5);
    expect(log).toEqual(['prepare 1', 'commit 10']);
    const more = [2, 3, 4].map((n) => batcher.add(n));
    await jest.advanceTimersByTimeAsync(50); // well past maxWaitMs: still open, the writer is busy
    expect(log).toHaveLength(2);
    expect(batcher.pending).toBe(3);
    gates.shift()?.();
    await expect(first).resolves.toBe(10);
    expect(log.slice(2)).toEqual(['committed 10', 'prepare 2,3,4', 'commit 20,30,40']);
    gates.shift()?.();
    await expect(Promise.all(more)).resolves.toEqual([20, 30, 40]);
  });

  it('with pipeline off, prepares a batch only once the previous write is done', async () => {
    const { log, gates, stages } = gatedStages();
    const batcher = new MicroBatcher(stages, { maxSize: 2, maxWaitMs: 5, pipeline: false });
    const all = [1, 2, 3, 4].map((n) => batcher.add(n));
    expect(log).toEqual(['prepare 1,2', 'commit 10,20']);
    gates.shift()?.();
    await jest.advanceTimersByTimeAsync(0);
    expect(log.slice(2)).toEqual(['committed 10,20', 'prepare 3,4', 'commit 30,40']);
    gates.shift()?.();
    await expect(Promise.all(all)).resolves.toEqual([10, 20, 30, 40]);
  });

  it('lets a backlog pile up while the pipeline is full, then takes it in batches of at most maxSize', async () => {
    const { log, gates, stages } = gatedStages();
    const closed: Array<[number, number]> = [];
    const batcher = new MicroBatcher(stages, {
      maxSize: 3,
      maxWaitMs: 5,
      onBatchClosed: (size, waitedMs) => closed.push([size, waitedMs]),
    });
    const all = [1, 2, 3, 4, 5, 6].map((n) => batcher.add(n));
    await jest.advanceTimersByTimeAsync(20);
    all.push(...[7, 8, 9, 10].map((n) => batcher.add(n)));
    expect(batcher.pending).toBe(4);
    expect(batcher.processing).toBe(2);
    gates.shift()?.();
    await jest.advanceTimersByTimeAsync(0);
    // the backlog (4 items, due) closes at once: one full batch, the rest waits for room again
    expect(log).toContain('prepare 7,8,9');
    expect(batcher.pending).toBe(1);
    while (gates.length > 0 || batcher.processing > 0) {
      gates.shift()?.();
      await jest.advanceTimersByTimeAsync(5);
    }
    await expect(Promise.all(all)).resolves.toHaveLength(10);
    expect(closed.map(([size]) => size)).toEqual([3, 3, 3, 1]);
    expect(closed[0][1]).toBe(0);
    expect(Math.max(...closed.map(([size]) => size))).toBeLessThanOrEqual(3);
  });

  it('fails only the batch whose prepare throws', async () => {
    const batcher = new MicroBatcher<number, number, number[]>(
      {
        prepare: (items) => {
          if (items.includes(13)) throw new Error('model crashed');
          return [...items];
        },
        commit: async (prepared) => prepared,
      },
      { maxSize: 2, maxWaitMs: 5 },
    );
    const outcomes = Promise.allSettled([12, 13, 1, 2].map((n) => batcher.add(n)));
    expect(
      (await outcomes).map((o) => (o.status === 'fulfilled' ? o.value : 'model crashed')),
    ).toEqual(['model crashed', 'model crashed', 1, 2]);
  });
});
