import { stableRank, stableShuffle } from './stable-order';

describe('stableShuffle', () => {
  const items = Array.from({ length: 50 }, (_, index) => `line ${index}`);

  it('depends only on the seed and the set of items', () => {
    const once = stableShuffle(items, 'seed', (item) => item);
    expect(stableShuffle([...items].reverse(), 'seed', (item) => item)).toEqual(once);
    expect(once).not.toEqual(items);
    expect([...once].sort()).toEqual([...items].sort());
  });

  it('changes with the seed', () => {
    expect(stableShuffle(items, 'a', (item) => item)).not.toEqual(
      stableShuffle(items, 'b', (item) => item),
    );
  });

  it('ranks are 16 hex digits', () => {
    expect(stableRank('s', 'v')).toMatch(/^[0-9a-f]{16}$/);
  });
});
