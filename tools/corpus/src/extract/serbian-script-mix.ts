import { serbianCyrillicToLatin } from '../clean/serbian-latin';
import { stableRank } from '../clean/stable-order';

/**
 * Transliterates a seeded share of Serbian (Cyrillic) segments to Latin script, so the corpus teaches
 * that Latin-script Serbian is `sr`. Which segments are converted depends only on the seed and the text.
 */
export function mixSerbianScripts(segments: string[], share: number, seed: string): string[] {
  return segments.map((segment) => {
    const fraction =
      parseInt(stableRank(`${seed}:sr-latin`, segment).slice(0, 8), 16) / 0x100000000;
    return fraction < share ? serbianCyrillicToLatin(segment) : segment;
  });
}
