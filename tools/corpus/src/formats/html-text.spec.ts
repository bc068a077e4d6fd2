import { decodeEntities, stripTags } from './html-text';

describe('html text helpers', () => {
  it('decodes numeric and named references and leaves unknown entities', () => {
    expect(decodeEntities('&#246;&#x00E4; &amp; &nbsp;&brandShortName;')).toBe(
      'öä &  &brandShortName;',
    );
  });

  it('strips tags and comments but keeps text and lone angle brackets', () => {
    expect(
      stripTags('<p class="x">a <b>b</b><!-- c --> 1 < 2</p>').replace(/\s+/g, ' ').trim(),
    ).toBe('a b 1 < 2');
  });
});
