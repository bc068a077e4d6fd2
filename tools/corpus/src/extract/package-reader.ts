import { DebCache, UnpackedPackage } from '../debian/deb-cache';
import { LocalisationEntry } from '../formats/localisation-entry';
import { firefoxPackage, libreofficeHelpPackage, thunderbirdPackage } from '../packages';
import { formatCount, Progress } from '../progress';
import { HelpReadOptions, readLibreofficeHelp } from '../sources/libreoffice-help';
import { readMozillaLangpack } from '../sources/mozilla-langpack';

/** Training sources of the corpus. */
export type SourceName = 'firefox' | 'thunderbird' | 'libreoffice-help' | 'udhr';

/** Ordered list of sources (also the order in which duplicates are resolved). */
export const SOURCE_NAMES: SourceName[] = ['firefox', 'thunderbird', 'libreoffice-help', 'udhr'];

/** Reads raw entries of Debian packages through the cache and remembers which packages were used. */
export class PackageReader {
  private readonly usedPackages = new Map<string, UnpackedPackage>();

  constructor(
    private readonly cache: DebCache,
    private readonly progress: Progress,
  ) {}

  /** Raw entries of the Firefox or Thunderbird langpack for a Mozilla locale (e.g. `sv-se`). */
  mozilla(product: 'firefox' | 'thunderbird', locale: string): LocalisationEntry[] {
    const name = product === 'firefox' ? firefoxPackage(locale) : thunderbirdPackage(locale);
    const pkg = this.fetch(name);
    this.progress.log(`${name}: extracting strings`);
    const entries = readMozillaLangpack(pkg, product);
    this.progress.log(`${name}: ${formatCount(entries.length)} raw strings`);
    return entries;
  }

  /** Raw paragraphs of a LibreOffice help pack for a Debian locale suffix (e.g. `sv`, `pt-br`). */
  libreoffice(locale: string, options: HelpReadOptions = {}): LocalisationEntry[] {
    const name = libreofficeHelpPackage(locale);
    const pkg = this.fetch(name);
    this.progress.log(`${name}: extracting paragraphs`);
    const entries = readLibreofficeHelp(pkg, options);
    this.progress.log(`${name}: ${formatCount(entries.length)} raw paragraphs`);
    return entries;
  }

  /** Every package read so far, sorted by name. */
  get used(): UnpackedPackage[] {
    return [...this.usedPackages.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private fetch(name: string): UnpackedPackage {
    const pkg = this.cache.get(name);
    this.usedPackages.set(name, pkg);
    return pkg;
  }
}
