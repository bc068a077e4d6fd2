const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * True if the JSON text nests arrays/objects deeper than `maxDepth`. One pass over the raw bytes
 * (strings skipped), run before parsing, so a hostile body costs no parse and never reaches the
 * recursive validators. Multi-byte UTF-8 sequences never contain these ASCII bytes.
 */
export function exceedsJsonDepth(body: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/** Type of the error raised for a too deep body (mapped to 400 by the exception filter). */
export const JSON_TOO_DEEP = 'entity.too.deep';

/** The error raised for a body nested deeper than `maxDepth`. */
export function jsonTooDeepError(maxDepth: number): Error {
  return Object.assign(
    new Error(`JSON body nests deeper than ${maxDepth} levels (MAX_JSON_DEPTH)`),
    { type: JSON_TOO_DEEP, status: 400, statusCode: 400 },
  );
}
