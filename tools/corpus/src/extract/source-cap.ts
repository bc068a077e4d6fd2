import { stableShuffle } from '../clean/stable-order';

/** Limits for one source of one language. */
export interface SourceCap {
  maxLines: number;
  maxChars: number;
}

/**
 * Keeps a seeded random subset of `segments` within the line and character caps (all of them when they
 * fit). The subset depends only on the seed and the set of segments.
 */
export function applyCap(segments: string[], cap: SourceCap, seed: string): string[] {
  let chars = 0;
  if (
    segments.length <= cap.maxLines &&
    segments.reduce((sum, s) => sum + s.length, 0) <= cap.maxChars
  ) {
    return segments;
  }
  const kept: string[] = [];
  for (const segment of stableShuffle(segments, seed, (s) => s)) {
    if (kept.length >= cap.maxLines) break;
    if (chars + segment.length > cap.maxChars) break;
    kept.push(segment);
    chars += segment.length;
  }
  return kept;
}
