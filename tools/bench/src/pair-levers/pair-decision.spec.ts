import { PairRule, decideLanguage, pairErrors } from './pair-decision';

describe('decideLanguage', () => {
  const seen: Array<[string, number]> = [];
  const rule: PairRule = {
    languages: ['ms', 'id'],
    score: (text, mainLogOdds) => {
      seen.push([text, mainLogOdds]);
      return text === 'nan' ? Number.NaN : mainLogOdds + (text === 'malay' ? 5 : -5);
    },
  };

  it('settles the pair in either order, giving the main log-odds of the rule first language', () => {
    expect(decideLanguage('malay', { first: 'id', second: 'ms', logOdds: 2 }, [rule])).toBe('ms');
    expect(seen.at(-1)).toEqual(['malay', -2]);
    expect(decideLanguage('indo', { first: 'ms', second: 'id', logOdds: 3 }, [rule])).toBe('id');
    expect(seen.at(-1)).toEqual(['indo', 3]);
  });

  it('keeps the main order when the two best are not the pair or the rule abstains', () => {
    expect(decideLanguage('malay', { first: 'id', second: 'jv', logOdds: 1 }, [rule])).toBe('id');
    expect(decideLanguage('nan', { first: 'id', second: 'ms', logOdds: 1 }, [rule])).toBe('id');
    expect(decideLanguage('malay', { first: 'id', second: 'ms', logOdds: 1 }, [])).toBe('id');
  });
});

describe('pairErrors', () => {
  it('counts each error under its pair, the rest as other', () => {
    const result = pairErrors(
      ['ms', 'id', 'hr', 'en', 'ms'],
      ['id', 'id', 'sr', 'de', 'ms'],
      [
        ['ms', 'id'],
        ['hr', 'sr'],
        ['da', 'nb'],
      ],
    );
    expect(result.accuracy).toBeCloseTo(2 / 5);
    expect(result.errors).toEqual({ 'ms/id': 1, 'hr/sr': 1, 'da/nb': 0, other: 1 });
    expect(pairErrors([], [], []).accuracy).toBe(0);
  });
});
