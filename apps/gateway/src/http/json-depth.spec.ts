import { exceedsJsonDepth } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('exceedsJsonDepth', () => {
  it('counts arrays and objects', () => {
    expect(exceedsJsonDepth(bytes('{"texts":["a","b"]}'), 2)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":{"b":[1]}}'), 2)).toBe(true);
    expect(exceedsJsonDepth(bytes('[[],[],[]]'), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(bytes('{"text":"[[[{{{ \\" [[[ ]"}'), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"text":"ä\\\\"}'), 1)).toBe(false);
  });

  it('handles a megabyte of nesting in one pass', () => {
    const deep = bytes('['.repeat(500_000) + ']'.repeat(500_000));
    expect(exceedsJsonDepth(deep, 32)).toBe(true);
  });
});
