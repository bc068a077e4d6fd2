import { parseProperties } from './properties';

describe('parseProperties', () => {
  it('reads key/value pairs, escapes, continuations and plural forms', () => {
    const source = [
      '# comment',
      '! also a comment',
      'dialogTitleEdit = Egenskaper för “%S”',
      'escaped=Caf\\u00e9 \\nnext',
      'long = first part \\',
      '    second part',
      'tabs = #1 flik;#1 flikar',
      'empty =',
    ].join('\n');
    expect(parseProperties(source)).toEqual([
      { key: 'dialogTitleEdit', text: 'Egenskaper för “%S”' },
      { key: 'escaped', text: 'Café  next' },
      { key: 'long', text: 'first part second part' },
      { key: 'tabs[0]', text: '#1 flik' },
      { key: 'tabs[1]', text: '#1 flikar' },
    ]);
  });
});
