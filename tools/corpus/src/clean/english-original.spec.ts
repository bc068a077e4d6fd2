import { EnglishReference } from './english-original';

describe('EnglishReference', () => {
  const reference = new EnglishReference({ minWords: 3, minEnglishShare: 0.9, minWordCount: 1 });
  reference.add('Open the file in a new window', 'browser.ftl#open-file');
  reference.add('Insert Table', 'text/swriter/main0110.html#par_idN105B5');
  reference.add('Save the document to your computer');
  reference.add('Close this tab when you are done');

  it('recognises the untranslated original under the same key', () => {
    expect(reference.match('Open the file in a new window', 'browser.ftl#open-file')).toBe(
      'same-key',
    );
  });

  it('recognises any known English string, ignoring case and punctuation', () => {
    expect(reference.match('insert table.', 'other#key')).toBe('known-string');
  });

  it('recognises new English sentences made of English vocabulary', () => {
    expect(reference.match('Save this file to your computer')).toBe('english-vocabulary');
  });

  it('keeps translations, including ones sharing some words with English', () => {
    expect(
      reference.match('Öppna filen i ett nytt fönster', 'browser.ftl#open-file'),
    ).toBeUndefined();
    expect(reference.match('Spara dokumentet på din computer')).toBeUndefined();
    expect(reference.match('Tabelle einfügen')).toBeUndefined();
  });

  it('does not apply the vocabulary test to short segments', () => {
    expect(reference.match('Save file')).toBeUndefined();
  });

  it('exposes word knowledge for inline UI names', () => {
    expect(reference.isEnglishWord('Window')).toBe(true);
    expect(reference.isEnglishWord('fönster')).toBe(false);
  });
});
