import { parseFluent } from './fluent';

const FTL = `# Comment
-brand-short-name = Firefox
pane-general-title = Allmänt
search-input-box2 =
    .placeholder = Hitta i inställningar
    .style = width: 15.4em
    .accesskey = H
multi-line =
    Första raden
    andra raden.
tabs-count =
    { $count ->
        [one] En flik
       *[other] { $count } flikar
    }
focus-search-key = f
`;

describe('parseFluent', () => {
  const entries = parseFluent(FTL);

  it('reads values and text attributes with stable keys', () => {
    expect(entries).toContainEqual({ key: 'pane-general-title', text: 'Allmänt' });
    expect(entries).toContainEqual({
      key: 'search-input-box2.placeholder',
      text: 'Hitta i inställningar',
    });
  });

  it('skips terms, comments, access keys, key bindings and styles', () => {
    const keys = entries.map((entry) => entry.key);
    expect(keys).not.toContain('-brand-short-name');
    expect(keys).not.toContain('search-input-box2.style');
    expect(keys).not.toContain('search-input-box2.accesskey');
    expect(keys).not.toContain('focus-search-key');
  });

  it('joins multi-line patterns', () => {
    expect(entries).toContainEqual({ key: 'multi-line', text: 'Första raden andra raden.' });
  });

  it('turns select-expression variants into separate entries', () => {
    expect(entries).toContainEqual({ key: 'tabs-count[one]', text: 'En flik' });
    expect(entries).toContainEqual({ key: 'tabs-count[other]', text: '{ $count } flikar' });
    expect(entries.find((entry) => entry.key === 'tabs-count')).toBeUndefined();
  });
});
