import { hasCyrillic, serbianToLatin } from './serbian-latin';

describe('serbianToLatin', () => {
  it('transliterates letter by letter, digraphs included', () => {
    expect(serbianToLatin('Љубљана, њива, џеп, Ђорђе, ћуприја; чаша шећера')).toBe(
      'Ljubljana, njiva, džep, Đorđe, ćuprija; čaša šećera',
    );
    expect(serbianToLatin('Сва људска бића рађају се слободна')).toBe(
      'Sva ljudska bića rađaju se slobodna',
    );
  });

  it('leaves Latin text and other characters alone', () => {
    expect(serbianToLatin('Već latinica 42!')).toBe('Već latinica 42!');
    expect(hasCyrillic('Već latinica')).toBe(false);
    expect(hasCyrillic('Ћирилица')).toBe(true);
  });
});
