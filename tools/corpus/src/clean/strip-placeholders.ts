import { decodeEntities, stripTags } from '../formats/html-text';

/** Ordered list of patterns removed from localisation strings before they become training text. */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /\{\{[^{}]*\}\}/g, // {{mustache}}
  /\$\{[^{}]*\}/g, // ${var}
  /\{\s*[^{}]*\}/g, // Fluent placeables { $name }, { -brand-short-name }, {0}
  /&[A-Za-z_][\w.-]*;/g, // DTD / XML entity references (&brandShortName;)
  /\b(?:https?|ftp|file|mailto|about|chrome|resource|moz-extension):\/{0,2}[^\s<>"'«»{}]+/gi, // URLs, app URIs
  /\bwww\.[^\s<>"'«»{}]*/gi,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\$\[[^\]]*\]/g, // LibreOffice $[officename]
  /\$[A-Za-z_][\w]*\$/g, // $VAR$
  /\$\d+/g, // $1
  /%\d+\$[-+0#]*\d*(?:\.\d+)?(?:ll|l|h)?[A-Za-z@]/g, // positional printf %1$S, %2$d
  /%[-+0#]*\d*(?:\.\d+)?(?:ll|l|h)?[sSdDuifFxXcpe@](?![A-Za-z])/g, // printf %S %d %ld %.2f %@
  /%[A-Za-z_]\w*%/g, // %BRAND%, %title%
  /%[A-Z][A-Z0-9_]+/g, // %PRODUCTNAME
  /%\d+/g, // %1
  /%%/g,
  /#\d+/g, // PluralForm #1
  /&(?=\p{L})/gu, // Windows-style access-key markers (&Save)
];

/**
 * Turns a raw localisation/help string into plain text: removes markup, code-like placeholders
 * (printf, Fluent, DTD entities, `$VAR$`, LibreOffice variables), URLs and e-mail addresses, decodes
 * character references and collapses whitespace.
 */
export function stripPlaceholders(raw: string): string {
  let text = stripTags(decodeEntities(stripTags(raw.replace(/\\n|\\t/g, ' '))));
  for (const pattern of PLACEHOLDER_PATTERNS) {
    // Fluent placeables can nest ({ NUMBER({ $n }) }), so brace patterns run until nothing changes.
    let previous: string;
    do {
      previous = text;
      text = text.replace(pattern, ' ');
    } while (text !== previous && pattern.source.includes('\\{'));
  }
  return normalizeSpacing(text);
}

/** Unicode NFC, no control characters, single spaces, no space before closing punctuation. */
export function normalizeSpacing(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?…)\]»”])(?=\s|$)/g, '$1')
    .replace(/([([«])\s+/g, '$1')
    .replace(/(^|\s)[-‐](?=\p{L})/gu, '$1')
    .replace(/\(\s*\)|\[\s*\]|“\s*”|«\s*»|"\s*"|'\s*'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[:;,.!?)\]}»”|/\-–—…\s]+(?=\S)/u, '');
}
