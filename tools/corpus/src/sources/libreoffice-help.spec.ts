import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnpackedPackage } from '../debian/deb-cache';
import { readLibreofficeHelp } from './libreoffice-help';

const PAGE = `<html><head><title>Tabell</title></head><body>
<header><p dir="auto">LibreOffice 7.4 Hjälp</p></header>
<h1 id="par_idN10553" dir="auto">Tabell</h1>
<p id="par_idN10563" class="paragraph"><span class="avis">Visar alla kommandon för en tabell.</span></p>
<p id="par_id1" class="paragraph">Välj <span class="menuitem">Insert Table</span> eller <span class="menuitem">Infoga tabell</span>.</p>
<p id="par_id2" class="paragraph">Skriv <span class="input">=SUM(A1:B2)</span> i cellen.</p>
<p id="par_id3" class="bascode">Dim a As Integer</p>
</body></html>`;

describe('readLibreofficeHelp', () => {
  let root: string;
  let pkg: UnpackedPackage;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lohelp-'));
    for (const locale of ['sv', 'sv-extra']) {
      mkdirSync(join(root, `usr/share/libreoffice/help/${locale}/text/swriter`), {
        recursive: true,
      });
      writeFileSync(
        join(root, `usr/share/libreoffice/help/${locale}/text/swriter/main0110.html`),
        PAGE,
      );
    }
    pkg = { name: 'libreoffice-help-sv', version: '1', debFile: 'x.deb', sha256: '', root };
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads id-carrying headings and paragraphs of the package locale, without code', () => {
    const entries = readLibreofficeHelp(pkg);
    expect(entries.map((entry) => entry.key)).toEqual([
      'swriter/main0110.html#par_idN10553',
      'swriter/main0110.html#par_idN10563',
      'swriter/main0110.html#par_id1',
      'swriter/main0110.html#par_id2',
    ]);
    expect(entries[3].text).not.toContain('SUM');
  });

  it('drops inline UI names that the predicate marks as foreign', () => {
    const entries = readLibreofficeHelp(pkg, {
      isForeignFragment: (fragment) => fragment === 'Insert Table',
    });
    expect(entries[2].text).not.toContain('Insert Table');
    expect(entries[2].text).toContain('Infoga tabell');
  });

  it('refuses a help directory that is a symlink to another language (libreoffice-help-sk → cs)', () => {
    symlinkSync('sv', join(root, 'usr/share/libreoffice/help/sk'));
    const slovak = { ...pkg, name: 'libreoffice-help-sk' };
    expect(() => readLibreofficeHelp(slovak)).toThrow(
      "help for 'sk' is a symlink to sv: another language",
    );
  });
});
