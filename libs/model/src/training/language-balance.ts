import type { TrainingSample } from './held-out-split';
import { hasCyrillic, serbianToLatin } from './serbian-latin';

/**
 * Adds the Latin spelling of every Cyrillic Serbian sample. The sources are Cyrillic (the
 * corpus mixes in part Latin), so without this Latin Serbian is thinner than Croatian and
 * loses to it; with it, every Serbian text is seen in Latin.
 */
export function withSerbianLatin(samples: readonly TrainingSample[]): TrainingSample[] {
  const result = [...samples];
  for (const sample of samples) {
    if (sample.language === 'sr' && hasCyrillic(sample.text)) {
      result.push({ text: serbianToLatin(sample.text), language: 'sr' });
    }
  }
  return result;
}

/**
 * Per-sample weights (multiplying C) that even out how much each language counts:
 * weight = (mean count / language count)^strength, capped at `maxWeight`. Strength 0 gives
 * all 1 (no balancing); 1 gives every language the same total weight (up to the cap).
 */
export function languageBalanceWeights(
  labels: Int32Array,
  classCount: number,
  strength: number,
  maxWeight: number,
): Float32Array | undefined {
  if (strength <= 0) return undefined;
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label]++;
  const present = counts.filter((n) => n > 0);
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const perClass = counts.map((n) => (n === 0 ? 1 : Math.min(maxWeight, (mean / n) ** strength)));
  return Float32Array.from(labels, (label) => perClass[label]);
}
