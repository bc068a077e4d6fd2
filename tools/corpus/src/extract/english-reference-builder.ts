import { EnglishReference } from '../clean/english-original';
import { stripPlaceholders } from '../clean/strip-placeholders';
import { ENGLISH_REFERENCE } from '../packages';
import { formatCount, Progress } from '../progress';
import { PackageReader } from './package-reader';

/**
 * Loads the English originals: en-GB and en-CA Firefox/Thunderbird langpacks (keys shared with every other
 * langpack) and the en-US LibreOffice help (keys = page path + paragraph id).
 */
export function buildEnglishReference(reader: PackageReader, progress: Progress): EnglishReference {
  const reference = new EnglishReference();
  for (const locale of ENGLISH_REFERENCE.mozilla) {
    for (const product of ['firefox', 'thunderbird'] as const) {
      for (const entry of reader.mozilla(product, locale))
        reference.add(stripPlaceholders(entry.text), entry.key);
    }
  }
  for (const locale of ENGLISH_REFERENCE.libreoffice) {
    for (const entry of reader.libreoffice(locale))
      reference.add(stripPlaceholders(entry.text), entry.key);
  }
  progress.log(`English reference: ${formatCount(reference.size)} distinct strings`);
  return reference;
}
