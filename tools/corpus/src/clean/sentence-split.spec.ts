import { isLongEnough, splitSentences } from './sentence-split';

describe('splitSentences', () => {
  it('splits on Latin, Devanagari, Arabic and CJK sentence ends', () => {
    expect(splitSentences('Erste Aussage. Zweite Aussage! Dritte?')).toEqual([
      'Erste Aussage.',
      'Zweite Aussage!',
      'Dritte?',
    ]);
    expect(splitSentences('पहला वाक्य। दूसरा वाक्य।')).toEqual(['पहला वाक्य।', 'दूसरा वाक्य।']);
    expect(splitSentences('الجملة الأولى؟ الجملة الثانية.')).toEqual([
      'الجملة الأولى؟',
      'الجملة الثانية.',
    ]);
    expect(splitSentences('最初の文です。次の文です。')).toEqual([
      '最初の文です。',
      '次の文です。',
    ]);
  });

  it('does not split after numbers, roman numerals or initials', () => {
    expect(splitSentences('Siehe Artikel 29. des Vertrags von J. Smith. Ende.')).toEqual([
      'Siehe Artikel 29. des Vertrags von J. Smith.',
      'Ende.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(splitSentences('Er sagte „Ja.“ Dann ging er.')).toEqual([
      'Er sagte „Ja.“',
      'Dann ging er.',
    ]);
  });
});

describe('isLongEnough', () => {
  it('accepts ≥ 20 characters or ≥ 3 words, and ≥ 10 letters for Japanese', () => {
    expect(isLongEnough('Kort.')).toBe(false);
    expect(isLongEnough('Tre små ord')).toBe(true);
    expect(isLongEnough('Ensamtalsrättigheter!')).toBe(true);
    expect(isLongEnough('短い文です。')).toBe(false);
    expect(isLongEnough('人類社会のすべての構成員の固有の尊厳')).toBe(true);
  });
});
