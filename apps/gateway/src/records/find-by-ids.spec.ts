import type { Model } from 'mongoose';
import { findByIds, ReadBound } from './find-by-ids';
import { LOOKUP_CONCURRENCY } from './records.constants';

/** A model whose `findById` finds the ids in `stored`, counting the reads. */
function model(stored: ReadonlySet<string>) {
  const reads = { count: 0 };
  const fake = {
    findById: (id: string) => ({
      lean: () => ({
        exec: async () => {
          reads.count += 1;
          return stored.has(id) ? { _id: id } : null;
        },
      }),
    }),
  };
  return { fake: fake as unknown as Model<{ _id: string }>, reads };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

describe('findByIds', () => {
  it('reads every id by _id and returns those that exist, in order', async () => {
    const all = ids(LOOKUP_CONCURRENCY * 2 + 5);
    const { fake, reads } = model(new Set(all.filter((_, i) => i % 3 === 0)));
    const found = await findByIds(fake, all);
    expect(found.map((doc) => doc._id)).toEqual(all.filter((_, i) => i % 3 === 0));
    expect(reads.count).toBe(all.length);
  });

  it('bounds each round of reads, not the whole lookup', async () => {
    const all = ids(LOOKUP_CONCURRENCY * 3);
    const { fake } = model(new Set(all));
    let rounds = 0;
    const bound: ReadBound = (round) => ((rounds += 1), round);
    await expect(findByIds(fake, all, undefined, bound)).resolves.toHaveLength(all.length);
    expect(rounds).toBe(3);
  });

  it('stops at the first round its bound fails, reading no further ids', async () => {
    const all = ids(LOOKUP_CONCURRENCY * 3);
    const { fake, reads } = model(new Set(all));
    const timeout = new Error('no answer within 5000 ms');
    let rounds = 0;
    const bound: ReadBound = (round) => {
      rounds += 1;
      void round.catch(() => undefined);
      return Promise.reject(timeout);
    };
    await expect(findByIds(fake, all, undefined, bound)).rejects.toBe(timeout);
    expect(rounds).toBe(1);
    expect(reads.count).toBe(LOOKUP_CONCURRENCY);
  });
});
