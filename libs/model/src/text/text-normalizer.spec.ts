import {
  DEFAULT_NORMALIZATION,
  SKLEARN_CHAR_NORMALIZATION,
  hasLetter,
  normalizeText,
} from './text-normalizer';

describe('normalizeText', () => {
  it('lower-cases, turns digits and punctuation into single spaces and pads words', () => {
    expect(normalizeText('Hello, World!! 42 times', DEFAULT_NORMALIZATION)).toBe(
      ' hello world times ',
    );
  });

  it('keeps combining marks and applies NFKC (full-width Latin, ligatures)', () => {
    expect(normalizeText('ＡＢＣ ﬁne', DEFAULT_NORMALIZATION)).toBe(' abc fine ');
    expect(normalizeText('हिन्दी', DEFAULT_NORMALIZATION)).toBe(' हिन्दी ');
    expect(normalizeText('e\u0301', DEFAULT_NORMALIZATION)).toBe(' é ');
  });

  it('returns an empty string when nothing but separators remains', () => {
    expect(normalizeText(' 12 -- !! ', DEFAULT_NORMALIZATION)).toBe('');
    expect(normalizeText('', DEFAULT_NORMALIZATION)).toBe('');
  });

  it('mirrors scikit-learn char preprocessing in keep mode', () => {
    expect(normalizeText('A  b\tc\t\td 1,2', SKLEARN_CHAR_NORMALIZATION)).toBe('a b\tc d 1,2');
  });
});

describe('hasLetter', () => {
  it('detects letters in any script', () => {
    expect(hasLetter('123 日本')).toBe(true);
    expect(hasLetter('١٢٣ ...!? 🙂')).toBe(false);
  });
});
