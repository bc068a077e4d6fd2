import { dedupe, dedupeKey, keysSharedAcrossLanguages } from './dedupe';

describe('dedupe', () => {
  it('ignores case, punctuation and digits and keeps the first occurrence', () => {
    expect(dedupe(['Open File…', 'open file', 'Tab 1', 'Tab 2', 'Close'])).toEqual([
      'Open File…',
      'Tab 1',
      'Close',
    ]);
  });

  it('keeps only lower-case letters separated by single spaces', () => {
    expect(dedupeKey('  Save… (Ctrl+S) 2 ')).toBe('save ctrl s');
  });

  it('treats composed and decomposed Unicode as equal', () => {
    expect(dedupeKey('Cafe\u0301')).toBe(dedupeKey('Café'));
  });
});

describe('keysSharedAcrossLanguages', () => {
  it('finds segments present in more than one language only', () => {
    const shared = keysSharedAcrossLanguages(
      new Map([
        ['hr', ['Datoteka', 'Spremi', 'Bluetooth']],
        ['sr', ['Datoteka', 'Sačuvaj', 'Sačuvaj']],
        ['de', ['Bluetooth']],
      ]),
    );
    expect([...shared].sort()).toEqual(['bluetooth', 'datoteka']);
  });
});
