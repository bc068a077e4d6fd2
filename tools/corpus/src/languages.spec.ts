import { CORPUS_LANGUAGES, parseLanguageList, sourceScriptOf } from './languages';
import { packagesFor } from './packages';

describe('languages', () => {
  it('has the 38 labels', () => {
    expect(CORPUS_LANGUAGES).toHaveLength(38);
  });

  it('parses language lists and rejects unknown codes', () => {
    expect(parseLanguageList('sv, da')).toEqual(['da', 'sv']);
    expect(parseLanguageList(undefined)).toHaveLength(38);
    expect(() => parseLanguageList('sv,xx')).toThrow('Unknown language(s): xx');
  });

  it('expects Cyrillic sources for Serbian', () => {
    expect(sourceScriptOf('sr')).toBe('cyrillic');
    expect(sourceScriptOf('hr')).toBe('latin');
  });

  it('maps every language but Waray to at least one Firefox langpack', () => {
    for (const lang of CORPUS_LANGUAGES) {
      expect(packagesFor(lang).firefox.length > 0).toBe(lang !== 'war');
    }
    expect(packagesFor('sv')).toEqual({
      firefox: ['sv-se'],
      thunderbird: ['sv-se'],
      libreoffice: ['sv'],
    });
    expect(packagesFor('fa').thunderbird).toEqual([]);
  });
});
