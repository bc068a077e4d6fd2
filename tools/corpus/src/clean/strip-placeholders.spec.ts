import { normalizeSpacing, stripPlaceholders } from './strip-placeholders';

describe('stripPlaceholders', () => {
  it.each([
    ['Restart { -brand-short-name } now', 'Restart now'],
    [
      '<img data-l10n-name="icon"/> <strong>{ $name }</strong> controls this setting.',
      'controls this setting.',
    ],
    ['Page { NUMBER($page, minimumIntegerDigits: 2) } of { $total }', 'Page of'],
    ['Edit “%S”', 'Edit'],
    ['%1$S could not open %2$S.', 'could not open.'],
    ['Downloaded %ld of %.2f MB', 'Downloaded of MB'],
    ['&brandShortName; is already running', 'is already running'],
    ['Welcome to $PRODUCT$, $USER$!', 'Welcome to,!'],
    ['Use $[officename] Calc with %PRODUCTNAME', 'Use Calc with'],
    ['#1 tab', 'tab'],
    ['Visit https://support.mozilla.org/kb/foo?x=1 or www.example.com today', 'Visit or today'],
    ['Write to someone@example.org please', 'Write to please'],
    ['Go to www.{ $websiteUrl }', 'Go to'],
    ['&Send without subject', 'Send without subject'],
    ['Fish &amp; chips &lt;b&gt;bold&lt;/b&gt; &#x41;&#66;', 'Fish & chips bold AB'],
    ['Value {{count}} items', 'Value items'],
  ])('%j → %j', (raw, expected) => {
    expect(stripPlaceholders(raw)).toBe(expected);
  });

  it('keeps percentages and ordinary punctuation', () => {
    expect(stripPlaceholders('Spara 50% nu – eller aldrig?')).toBe('Spara 50% nu – eller aldrig?');
  });

  it('keeps zero-width non-joiners needed by Persian and Hindi', () => {
    expect(stripPlaceholders('می‌خواهید')).toBe('می‌خواهید');
  });
});

describe('normalizeSpacing', () => {
  it('collapses whitespace, removes space before punctuation and empty brackets', () => {
    expect(normalizeSpacing('  Hello \u00a0 world ,  ok ( ) «  x » ')).toBe('Hello world, ok «x»');
  });

  it('keeps the space after German closing quotes', () => {
    expect(normalizeSpacing('Er sagte „Ja“ und ging.')).toBe('Er sagte „Ja“ und ging.');
  });
});

describe('stripPlaceholders leftovers', () => {
  it('removes lower-case %name% placeholders and punctuation left at the start', () => {
    expect(stripPlaceholders('Publiserer: %title%')).toBe('Publiserer:');
    expect(stripPlaceholders('{ $count }-oppdateringer')).toBe('oppdateringer');
    expect(stripPlaceholders('%S: Zabranite pristup.')).toBe('Zabranite pristup.');
    expect(stripPlaceholders('¿Desea continuar?')).toBe('¿Desea continuar?');
  });
});
