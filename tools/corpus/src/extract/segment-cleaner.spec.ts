import { EnglishReference } from '../clean/english-original';
import { cleanEntries, splitAlternatives } from './segment-cleaner';
import { emptyStats } from './source-stats';

describe('splitAlternatives', () => {
  it('splits Mozilla keyword lists into their alternatives', () => {
    expect(splitAlternatives('vierzehn | vierzehnte | vierzehnten')).toEqual([
      'vierzehn',
      'vierzehnte',
      'vierzehnten',
    ]);
    expect(splitAlternatives('a|b stays')).toEqual(['a|b stays']);
  });
});

describe('cleanEntries', () => {
  const english = new EnglishReference({ minWords: 3, minEnglishShare: 0.9, minWordCount: 1 });
  english.add('Open a new window', 'k1');
  english.add('Last week');

  it('cleans, filters and counts every decision', () => {
    const stats = emptyStats();
    const kept = cleanEntries(
      [
        { key: 'k1', text: 'Open a new window' },
        { key: 'k2', text: 'Öppna ett nytt { -brand-short-name }-fönster' },
        { key: 'k3', text: 'OK' },
        { key: 'k4', text: '12:00 – 13:00 / 100%' },
        { key: 'k5', text: 'last week | förra veckan' },
      ],
      { script: 'latin', english, stats },
    );
    expect(kept).toEqual(['Öppna ett nytt fönster', 'förra veckan']);
    expect(stats).toMatchObject({ raw: 5, englishSameKey: 1, englishKnownString: 1, tooShort: 2 });
  });
});
