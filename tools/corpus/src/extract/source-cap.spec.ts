import { applyCap } from './source-cap';

describe('applyCap', () => {
  const segments = Array.from({ length: 100 }, (_, index) => `segment number ${index}`);

  it('keeps everything when within the caps', () => {
    expect(applyCap(segments, { maxLines: 1000, maxChars: 1_000_000 }, 's')).toBe(segments);
  });

  it('keeps a seeded subset within the line cap', () => {
    const capped = applyCap(segments, { maxLines: 10, maxChars: 1_000_000 }, 's');
    expect(capped).toHaveLength(10);
    expect(applyCap([...segments].reverse(), { maxLines: 10, maxChars: 1_000_000 }, 's')).toEqual(
      capped,
    );
  });

  it('respects the character cap', () => {
    const capped = applyCap(segments, { maxLines: 1000, maxChars: 200 }, 's');
    expect(capped.reduce((sum, segment) => sum + segment.length, 0)).toBeLessThanOrEqual(200);
    expect(capped.length).toBeGreaterThan(5);
  });
});
