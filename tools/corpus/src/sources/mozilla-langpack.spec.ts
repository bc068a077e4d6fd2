import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UnpackedPackage } from '../debian/deb-cache';
import { readMozillaLangpack } from './mozilla-langpack';

/** Lays out an unpacked langpack whose .xpi was already extracted (so no unzip is needed). */
function fakeLangpack(
  root: string,
  locale: string,
  files: Record<string, string>,
): UnpackedPackage {
  const write = (path: string, content: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  write(
    `usr/lib/firefox-esr/browser/extensions/langpack-${locale}@firefox-esr.mozilla.org.xpi`,
    '',
  );
  write('.xpi/.extracted', 'test\n');
  write('.xpi/manifest.json', JSON.stringify({ langpack_id: locale }));
  for (const [path, content] of Object.entries(files)) write(`.xpi/${path}`, content);
  return { name: 'firefox-esr-l10n-test', version: '1', debFile: 'x.deb', sha256: '', root };
}

describe('readMozillaLangpack', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'langpack-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads ftl, properties and dtd files with locale-independent keys', () => {
    const pkg = fakeLangpack(root, 'sv-SE', {
      'browser/localization/sv-SE/browser/tabs.ftl': 'close-tab = Stäng flik\n',
      'chrome/sv-SE/locale/sv-SE/global/dialog.properties': 'button-accept = Godkänn\n',
      'chrome/sv-SE/locale/sv-SE/global/about.dtd': '<!ENTITY about.label "Om">\n',
      'chrome/sv-SE/locale/sv-SE/global/intl.properties':
        'intl.accept_languages = sv-SE, sv, en-US, en\n',
    });
    expect(readMozillaLangpack(pkg, 'firefox')).toEqual([
      { key: 'firefox:browser/localization/@/browser/tabs.ftl#close-tab', text: 'Stäng flik' },
      { key: 'firefox:chrome/@/locale/@/global/about.dtd#about.label', text: 'Om' },
      { key: 'firefox:chrome/@/locale/@/global/dialog.properties#button-accept', text: 'Godkänn' },
    ]);
  });

  it('fails clearly when the package holds no .xpi', () => {
    const pkg = fakeLangpack(root, 'sv-SE', {});
    rmSync(join(root, 'usr'), { recursive: true });
    expect(() => readMozillaLangpack(pkg, 'firefox')).toThrow('expected one .xpi, found 0');
  });
});
