import { FRANC_CODES, firstSupported, labelOfFranc, labelOfIso639_1 } from './peer-labels';

describe('peer label mapping', () => {
  it('maps CLD2/fastText codes onto the 38 labels', () => {
    expect(labelOfIso639_1('no')).toBe('nb');
    expect(labelOfIso639_1('iw')).toBe('he');
    expect(labelOfIso639_1('sv')).toBe('sv');
    expect(labelOfIso639_1('bs')).toBeNull();
  });

  it('restricts a ranking to the first supported label', () => {
    expect(firstSupported(['bs', 'sh', 'hr', 'sr'])).toBe('hr');
    expect(firstSupported(['zh', 'xx'])).toBe('und');
  });

  it('covers every label for franc and maps back', () => {
    expect(Object.keys(FRANC_CODES)).toHaveLength(38);
    expect(labelOfFranc('nob')).toBe('nb');
    expect(labelOfFranc('cmn')).toBe('und');
  });
});
