/** Serbian Cyrillic → Latin (Gaj's alphabet); the mapping is one-to-one per letter. */
// prettier-ignore
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l',
  љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h',
  ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

/** Digraph letters whose capital form depends on the case of the following letter (Љ → Lj / LJ). */
const DIGRAPHS = new Set(['љ', 'њ', 'џ']);

/**
 * Transliterates Serbian Cyrillic text to Serbian Latin. Capital digraph letters become title case
 * (`Љубљана` → `Ljubljana`) unless the next letter is also upper case (`ЉУБЉАНА` → `LJUBLJANA`).
 * Characters outside the Serbian Cyrillic alphabet are kept as they are.
 */
export function serbianCyrillicToLatin(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((char, index) => {
      const lower = char.toLowerCase();
      const latin = CYRILLIC_TO_LATIN[lower];
      if (latin === undefined) return char;
      if (char === lower) return latin;
      if (!DIGRAPHS.has(lower)) return latin.toUpperCase();
      const next = chars[index + 1] ?? '';
      const previous = chars[index - 1] ?? '';
      const shouting = isUpperLetter(next) || (next === '' && isUpperLetter(previous));
      return shouting ? latin.toUpperCase() : latin[0].toUpperCase() + latin.slice(1);
    })
    .join('');
}

function isUpperLetter(char: string): boolean {
  return char !== '' && char !== char.toLowerCase() && char === char.toUpperCase();
}

/** True if the text contains Serbian Cyrillic letters. */
export function hasSerbianCyrillic(text: string): boolean {
  return /[а-шђјљњћџ]/iu.test(text);
}
