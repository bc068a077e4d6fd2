import { hasSerbianCyrillic, serbianCyrillicToLatin } from './serbian-latin';

describe('serbianCyrillicToLatin', () => {
  it.each([
    ['Љубљана', 'Ljubljana'],
    ['Њујорк', 'Njujork'],
    ['Џеп', 'Džep'],
    ['ЉУБЉАНА', 'LJUBLJANA'],
    ['ЏЕП И ЊИВА', 'DŽEP I NJIVA'],
    ['Ђорђе Чавчић и Ћирилица', 'Đorđe Čavčić i Ćirilica'],
    ['Шта је ово, жабо?', 'Šta je ovo, žabo?'],
    ['Сачувај датотеке у Firefox 3.0', 'Sačuvaj datoteke u Firefox 3.0'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(serbianCyrillicToLatin(cyrillic)).toBe(latin);
  });

  it('covers the whole 30-letter alphabet one-to-one', () => {
    expect(serbianCyrillicToLatin('абвгдђежзијклљмнњопрстћуфхцчџш')).toBe(
      'abvgdđežzijklljmnnjoprstćufhcčdžš',
    );
  });
});

describe('hasSerbianCyrillic', () => {
  it('detects Cyrillic and ignores Latin', () => {
    expect(hasSerbianCyrillic('Здраво')).toBe(true);
    expect(hasSerbianCyrillic('Zdravo')).toBe(false);
  });
});
