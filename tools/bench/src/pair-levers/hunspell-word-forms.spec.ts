import { hunspellWordForms } from './hunspell-word-forms';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('hunspellWordForms', () => {
  it('expands single-character flags: suffixes by condition, prefixes crossed with suffixes', () => {
    const aff = lines(
      'SET UTF-8',
      'NEEDAFFIX X',
      'FORBIDDENWORD F',
      'SFX S Y 2',
      'SFX S 0 s [^y]',
      'SFX S y ies y # plural of -y',
      'PFX U Y 1',
      'PFX U 0 un .',
      'PFX R N 1',
      'PFX R 0 re .',
    );
    const dic = lines('4', 'Book/SU', 'city/S', 'do/RX', 'bad/F');
    expect([...hunspellWordForms(aff, dic)].sort()).toEqual(
      ['book', 'books', 'unbook', 'unbooks', 'cities', 'city', 'redo'].sort(),
    );
  });

  it('reads long flags through AF aliases, and numeric flags', () => {
    const long = lines(
      'FLAG long',
      'AF 1',
      'AF AaBb # 1',
      'SFX Aa Y 1',
      'SFX Aa ati am ati',
      'SFX Bb Y 1',
      'SFX Bb ati aš ati',
    );
    expect([...hunspellWordForms(long, lines('1', 'pisati/1'))].sort()).toEqual([
      'pisam',
      'pisati',
      'pisaš',
    ]);
    const numeric = lines('FLAG num', 'SFX 12 Y 1', 'SFX 12 0 en .', 'SFX 7 Y 1', 'SFX 7 0 er .');
    expect([...hunspellWordForms(numeric, lines('1', 'hus/12,7'))].sort()).toEqual([
      'hus',
      'husen',
      'huser',
    ]);
  });

  it('keeps words without flags and skips comments, morphology and empty lines', () => {
    const forms = hunspellWordForms('SET UTF-8\n', lines('3', 'ko\tpo:pron', '', '# note', 'šta'));
    expect([...forms].sort()).toEqual(['ko', 'šta']);
  });
});
