import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnpackedPackage } from '../debian/deb-cache';

/** The machine-readable copyright file shipped in a package (`usr/share/doc/<name>/copyright`). */
export function readCopyright(pkg: UnpackedPackage): string {
  const file = join(pkg.root, 'usr/share/doc', pkg.name, 'copyright');
  if (!existsSync(file)) throw new Error(`${pkg.name}: no copyright file at ${file}`);
  return readFileSync(file, 'utf8');
}

/**
 * The parts of a DEP-5 copyright file that concern the translations: the header paragraph (upstream name
 * and source) and the `Files: *` paragraph (default copyright and licence of all upstream files).
 */
export function relevantCopyrightParts(copyright: string): string {
  const paragraphs = copyright.split(/\n\s*\n/).map((paragraph) => paragraph.trimEnd());
  const header = (paragraphs[0] ?? '').replace(/^Disclaimer:[\s\S]*$/m, '').trimEnd();
  const defaults = paragraphs.find((paragraph) =>
    /^Files:\s*\*\s*$/m.test(paragraph.split('\n')[0]),
  );
  return [header, defaults ?? '(no "Files: *" paragraph)'].join('\n\n');
}
