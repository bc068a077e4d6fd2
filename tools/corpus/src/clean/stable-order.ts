import { createHash } from 'node:crypto';

/** Deterministic pseudo-random rank of a string under a seed (first 8 bytes of SHA-256, as hex). */
export function stableRank(seed: string, value: string): string {
  return createHash('sha256')
    .update(seed)
    .update('\u0000')
    .update(value)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Seeded shuffle: orders items by `stableRank(seed, key(item))`, ties broken by the key itself, so the
 * result depends only on the seed and the set of items, never on input order or runtime.
 */
export function stableShuffle<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: key(item), rank: stableRank(seed, key(item)) }))
    .sort((a, b) =>
      a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    )
    .map((entry) => entry.item);
}
