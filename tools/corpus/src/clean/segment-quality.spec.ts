import { rejectReason, truncateSegment } from './segment-quality';

describe('rejectReason', () => {
  it('rejects segments with too few letters', () => {
    expect(rejectReason('OK', 'latin')).toBe('too-short');
    expect(rejectReason('3.5 MB', 'latin')).toBe('too-short');
    expect(rejectReason('保存', 'japanese')).toBeUndefined();
  });

  it('rejects segments that are mostly digits or symbols', () => {
    expect(rejectReason('Ctrl+Shift+F12 = 0x1F / 1024 * 768', 'latin')).toBe('non-letters');
  });

  it('rejects segments in the wrong script, allowing embedded brand names', () => {
    expect(rejectReason('Open the file', 'cyrillic')).toBe('wrong-script');
    expect(rejectReason('Сачувај Firefox датотеке', 'cyrillic')).toBeUndefined();
    expect(rejectReason('Firefox を再起動します', 'japanese')).toBeUndefined();
  });

  it('keeps Devanagari with its combining vowel signs', () => {
    expect(rejectReason('फ़ाइल खोलें', 'devanagari')).toBeUndefined();
  });
});

describe('truncateSegment', () => {
  it('cuts long segments at a word boundary', () => {
    expect(truncateSegment('aaaa bbbb cccc', 11)).toBe('aaaa bbbb');
    expect(truncateSegment('short', 11)).toBe('short');
  });
});
