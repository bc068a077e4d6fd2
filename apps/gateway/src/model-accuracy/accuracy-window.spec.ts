import { accuracyWindow } from './accuracy-window';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 3, minute));

describe('accuracyWindow', () => {
  it('is empty, with a null accuracy, without feedback', () => {
    expect(accuracyWindow('last_100', [])).toEqual({
      window: 'last_100',
      n: 0,
      correct: 0,
      accuracy: null,
      from: null,
      to: null,
      truncated: false,
      perLanguage: {},
      confusedPairs: [],
    });
  });

  it('counts accuracy overall and per right language, and the confused pairs, newest first in', () => {
    const items = [
      { actual: 'nb', predicted: 'da', at: at(9) },
      { actual: 'nb', predicted: 'nb', at: at(8) },
      { actual: 'nb', predicted: 'da', at: at(7) },
      { actual: 'sv', predicted: 'sv', at: at(6) },
      { actual: 'hr', predicted: 'sr', at: at(5) },
    ];
    const window = accuracyWindow('last_1000', items, true);
    expect(window).toMatchObject({
      window: 'last_1000',
      n: 5,
      correct: 2,
      accuracy: 0.4,
      from: at(5).toISOString(),
      to: at(9).toISOString(),
      truncated: true,
    });
    expect(window.perLanguage).toEqual({
      hr: { n: 1, correct: 0, accuracy: 0 },
      nb: { n: 3, correct: 1, accuracy: 1 / 3 },
      sv: { n: 1, correct: 1, accuracy: 1 },
    });
    expect(window.confusedPairs).toEqual([
      { actual: 'nb', predicted: 'da', count: 2 },
      { actual: 'hr', predicted: 'sr', count: 1 },
    ]);
  });
});
