import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { UnpackedPackage } from '../debian/deb-cache';
import { listFiles } from '../debian/file-tree';
import { LocalisationEntry } from '../formats/localisation-entry';

const HELP_ROOT = 'usr/share/libreoffice/help';

/** Paragraph-like elements that carry an id shared by all translations of a help page. */
const BLOCK = /<(p|h[1-6])\b([^>]*)>([\s\S]*?)<\/\1>/g;
/** Block classes holding program code, formulas or markup examples. */
const CODE_BLOCK = /\bclass="[^"]*\b(?:code|bascode|pycode|codeintable|smathcode|input|example)\b/;
/** Inline spans whose content is code, key names, literals or build-time errors. */
const CODE_SPAN =
  /<span class="(?:literal|input|keycode|code|bug|codeintable)"[^>]*>[\s\S]*?<\/span>/g;
/** Inline spans naming UI elements, which are often left in English inside translated prose. */
const UI_SPAN = /<span class="(?:menuitem|emph|widget)"[^>]*>([^<]*)<\/span>/g;

/** Options for reading a LibreOffice help pack. */
export interface HelpReadOptions {
  /** Removes inline UI names for which this returns true (used to drop untranslated English menu names). */
  isForeignFragment?: (fragment: string) => boolean;
}

/**
 * Reads the paragraphs and headings of all help pages (`help/<locale>/text/**.html`) of a
 * `libreoffice-help-*` package. Keys are `<path below the locale dir>#<element id>`, equal across locales.
 */
export function readLibreofficeHelp(
  pkg: UnpackedPackage,
  options: HelpReadOptions = {},
): LocalisationEntry[] {
  const localeDir = findLocaleDir(
    join(pkg.root, HELP_ROOT),
    pkg.name.replace(/^libreoffice-help-/, ''),
  );
  const entries: LocalisationEntry[] = [];
  for (const path of listFiles(join(localeDir, 'text'), (file) => file.endsWith('.html'))) {
    const html = readFileSync(join(localeDir, 'text', path), 'utf8');
    for (const match of html.matchAll(BLOCK)) {
      const [, , attributes, inner] = match;
      const id = /\bid="([^"]+)"/.exec(attributes)?.[1];
      if (!id || CODE_BLOCK.test(attributes) || /<(?:pre|code)\b/.test(inner)) continue;
      let text = inner.replace(CODE_SPAN, ' ');
      if (options.isForeignFragment) {
        const isForeign = options.isForeignFragment;
        text = text.replace(UI_SPAN, (whole, content: string) =>
          isForeign(content) ? ' ' : whole,
        );
      }
      entries.push({ key: `${path}#${id}`, text });
    }
  }
  return entries;
}

/**
 * The help locale directory (e.g. `sv`, `pt-BR`, `en-US`) matching the package's locale suffix. Some packs
 * hold a variant too (libreoffice-help-ca also ships `ca-valencia`), which is not read.
 */
function findLocaleDir(helpRoot: string, locale: string): string {
  const candidates = readdirSync(helpRoot).filter((entry) => {
    const dir = join(helpRoot, entry);
    const stat = lstatSync(dir);
    return stat.isDirectory() && !stat.isSymbolicLink() && readdirSync(dir).includes('text');
  });
  const match = candidates.find((entry) => entry.toLowerCase() === locale.toLowerCase());
  if (match) return join(helpRoot, match);
  const link = readdirSync(helpRoot).find((entry) => entry.toLowerCase() === locale.toLowerCase());
  if (link && lstatSync(join(helpRoot, link)).isSymbolicLink()) {
    const target = readlinkSync(join(helpRoot, link));
    throw new Error(`help for '${locale}' is a symlink to ${target}: another language`);
  }
  throw new Error(
    `help for '${locale}' not found in ${helpRoot} (found: ${candidates.join(', ')})`,
  );
}
