import { languageBalanceWeights, withSerbianLatin } from './language-balance';

describe('withSerbianLatin', () => {
  it('adds a Latin copy of Cyrillic Serbian samples only', () => {
    const samples = [
      { text: 'Добар дан', language: 'sr' },
      { text: 'Dobar dan', language: 'sr' },
      { text: 'Добрый день', language: 'ru' },
    ];
    expect(withSerbianLatin(samples)).toEqual([...samples, { text: 'Dobar dan', language: 'sr' }]);
  });
});

describe('languageBalanceWeights', () => {
  const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 2]);

  it('is off at strength 0', () => {
    expect(languageBalanceWeights(labels, 3, 0, 10)).toBeUndefined();
  });

  it('gives every language the same total weight at strength 1, up to the cap', () => {
    const weights = languageBalanceWeights(labels, 3, 1, 2.5) as Float32Array;
    expect(weights[0] * 6).toBeCloseTo(3, 6);
    expect(weights[6] * 2).toBeCloseTo(3, 6);
    expect(weights[8]).toBeCloseTo(2.5, 6);
  });
});
