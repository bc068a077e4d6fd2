import { BUILTIN_TEXTS } from './builtin-texts';
import { parseLabelledJsonl, shuffledOrder } from './labelled-texts';

describe('parseLabelledJsonl', () => {
  it('reads text and lang (or language), skipping blank lines', () => {
    const content = '{"text":"Hej","lang":"sv"}\n\n{"text":"Hallo","language":"de"}\n';
    expect(parseLabelledJsonl(content)).toEqual([
      { text: 'Hej', lang: 'sv' },
      { text: 'Hallo', lang: 'de' },
    ]);
  });

  it('names the line of a malformed row', () => {
    expect(() => parseLabelledJsonl('{"text":"a","lang":"en"}\n{oops', 'f.jsonl')).toThrow(
      /f\.jsonl:2: not JSON/,
    );
    expect(() => parseLabelledJsonl('{"text":"","lang":"en"}', 'f.jsonl')).toThrow(
      /f\.jsonl:1: expected/,
    );
    expect(() => parseLabelledJsonl('{"text":"a"}', 'f.jsonl')).toThrow(/f\.jsonl:1/);
  });
});

describe('shuffledOrder', () => {
  it('is a repeatable permutation', () => {
    const a = shuffledOrder(100, 7);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(shuffledOrder(100, 7))).toEqual(Array.from(a));
    expect(Array.from(shuffledOrder(100, 8))).not.toEqual(Array.from(a));
  });
});

describe('BUILTIN_TEXTS', () => {
  it('covers several scripts with unique labels', () => {
    expect(new Set(BUILTIN_TEXTS.map((t) => t.lang)).size).toBe(BUILTIN_TEXTS.length);
    expect(BUILTIN_TEXTS.length).toBeGreaterThanOrEqual(12);
  });
});
