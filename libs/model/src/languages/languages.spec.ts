import {
  LANGUAGE_CODES,
  LANGUAGES,
  UNDETERMINED,
  isLanguageCode,
  languageNames,
} from './languages';

describe('LANGUAGES', () => {
  it('lists the 38 labels of the model', () => {
    const expected =
      'ar bg ca cs da de en es et eu fa fi fr he hi hr hu id it ja kk ko lt ms nb nl pl pt ro ru sk sl sr sv tr uk vi war';
    expect(LANGUAGE_CODES.join(' ')).toBe(expected);
  });

  it('gives English and native names', () => {
    expect(LANGUAGES.sv).toEqual({ english: 'Swedish', native: 'Svenska' });
    expect(LANGUAGES.nb).toEqual({ english: 'Norwegian (Bokmål)', native: 'Norsk (Bokmål)' });
    expect(LANGUAGES.war).toEqual({ english: 'Waray', native: 'Winaray' });
  });

  it('names the undetermined sentinel but does not count it as a language', () => {
    expect(UNDETERMINED).toBe('und');
    expect(isLanguageCode(UNDETERMINED)).toBe(false);
    expect(languageNames('und').english).toBe('Undetermined');
  });

  it('rejects unknown labels', () => {
    expect(() => languageNames('xx')).toThrow(RangeError);
    expect(isLanguageCode('toString')).toBe(false);
  });
});
