import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnpackedPackage } from '../debian/deb-cache';
import { listFiles } from '../debian/file-tree';
import { extractXpi } from '../debian/xpi';
import { parseDtd } from '../formats/dtd';
import { parseFluent } from '../formats/fluent';
import { LocalisationEntry } from '../formats/localisation-entry';
import { parseProperties } from '../formats/properties';

/** Files that hold locale settings, key names, font lists or URLs rather than translated prose. */
const SKIPPED_FILES =
  /(?:^|\/)(?:intl|region|mathfont|platformKeys|charsetMenu|langpack-metadata)\.(?:properties|ftl)$/;

/**
 * Reads every .ftl, .properties and .dtd string of a Firefox/Thunderbird langpack (.xpi inside the .deb).
 * Keys are `<product>:<path with the locale replaced by @>#<entry key>` so they match across locales.
 */
export function readMozillaLangpack(pkg: UnpackedPackage, product: string): LocalisationEntry[] {
  const xpis = listFiles(pkg.root, (path) => path.endsWith('.xpi'));
  if (xpis.length !== 1) throw new Error(`${pkg.name}: expected one .xpi, found ${xpis.length}`);
  const dir = extractXpi(join(pkg.root, xpis[0]), join(pkg.root, '.xpi'));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    langpack_id?: string;
  };
  const locale = (manifest.langpack_id ?? '').toLowerCase();
  const entries: LocalisationEntry[] = [];
  for (const path of listFiles(
    dir,
    (file) => /\.(?:ftl|properties|dtd)$/.test(file) && !SKIPPED_FILES.test(file),
  )) {
    const source = readFileSync(join(dir, path), 'utf8');
    const parsed = path.endsWith('.ftl')
      ? parseFluent(source)
      : path.endsWith('.dtd')
        ? parseDtd(source)
        : parseProperties(source);
    const keyPath = path
      .split('/')
      .map((segment) => (segment.toLowerCase() === locale ? '@' : segment))
      .join('/');
    for (const entry of parsed)
      entries.push({ key: `${product}:${keyPath}#${entry.key}`, text: entry.text });
  }
  return entries;
}
