/** Code point is neither a letter nor a mark: a separator for the model. */
export const OTHER = 0;
/** Combining mark (`\p{M}`): kept, but does not make a text classifiable on its own. */
export const MARK = 1;
/** Letter (`\p{L}`). */
export const LETTER = 2;

const LETTER_PATTERN = /^\p{L}$/u;
const MARK_PATTERN = /^\p{M}$/u;
const BMP_SIZE = 0x10000;
let bmpClasses: Uint8Array | undefined;

function classify(character: string): number {
  return LETTER_PATTERN.test(character) ? LETTER : MARK_PATTERN.test(character) ? MARK : OTHER;
}

/**
 * One lookup table for the Basic Multilingual Plane, built on first use by running the two
 * property regexps once over a string of every BMP character (a few milliseconds).
 */
function buildBmpTable(): Uint8Array {
  const table = new Uint8Array(BMP_SIZE);
  const codes: number[] = [];
  for (let code = 0; code < BMP_SIZE; code++) if (code < 0xd800 || code > 0xdfff) codes.push(code);
  let all = '';
  for (let i = 0; i < codes.length; i += 8192)
    all += String.fromCharCode(...codes.slice(i, i + 8192));
  for (const [pattern, kind] of [
    [/\p{L}+/gu, LETTER],
    [/\p{M}+/gu, MARK],
  ] as const) {
    for (const match of all.matchAll(pattern)) {
      const start = match.index as number;
      for (let i = start; i < start + match[0].length; i++) table[all.charCodeAt(i)] = kind;
    }
  }
  return table;
}

/** {@link LETTER}, {@link MARK} or {@link OTHER} for a code point (Unicode general category). */
export function letterClassOf(codePoint: number): number {
  if (codePoint < BMP_SIZE) return (bmpClasses ??= buildBmpTable())[codePoint];
  return classify(String.fromCodePoint(codePoint));
}
