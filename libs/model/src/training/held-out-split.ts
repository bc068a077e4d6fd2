import { SeededRandom } from './seeded-random';

/** A labelled text. */
export interface TrainingSample {
  text: string;
  /** One of the 38 language labels. */
  language: string;
}

/** Training and held-out parts of a sample set. */
export interface HeldOutSplit {
  train: TrainingSample[];
  heldOut: TrainingSample[];
}

/**
 * Keeps `fraction` of every language (at most `maxPerLanguage`, and never all of a language)
 * out of training, chosen by a seeded shuffle. Original order is kept inside each part.
 */
export function splitHeldOut(
  samples: readonly TrainingSample[],
  fraction: number,
  maxPerLanguage: number,
  seed: number,
): HeldOutSplit {
  if (!(fraction >= 0 && fraction < 1)) throw new RangeError('held-out fraction must be in [0, 1)');
  const byLanguage = new Map<string, number[]>();
  samples.forEach((sample, i) => {
    const list = byLanguage.get(sample.language) ?? [];
    list.push(i);
    byLanguage.set(sample.language, list);
  });
  const random = new SeededRandom(seed);
  const heldOutIndex = new Set<number>();
  for (const language of [...byLanguage.keys()].sort()) {
    const indices = random.shuffle([...(byLanguage.get(language) as number[])]);
    const count = Math.min(
      Math.floor(indices.length * fraction),
      maxPerLanguage,
      indices.length - 1,
    );
    for (let i = 0; i < count; i++) heldOutIndex.add(indices[i]);
  }
  const split: HeldOutSplit = { train: [], heldOut: [] };
  samples.forEach((sample, i) => (heldOutIndex.has(i) ? split.heldOut : split.train).push(sample));
  return split;
}
