import { LocalisationEntry } from './localisation-entry';

/**
 * Parses a Java-style .properties file (Mozilla flavour): `key = value`, `#`/`!` comments, backslash
 * line continuations and `\uXXXX` escapes. PluralForm values (`one;many`) become one entry per form.
 */
export function parseProperties(source: string): LocalisationEntry[] {
  const entries: LocalisationEntry[] = [];
  const lines = source.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index].replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && index + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++index].replace(/^\s+/, '');
    }
    const match = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = unescapeProperties(match[2]);
    value.split(';').forEach((form, formIndex, forms) => {
      const text = form.trim();
      if (text)
        entries.push({ key: forms.length > 1 ? `${match[1]}[${formIndex}]` : match[1], text });
    });
  }
  return entries;
}

function unescapeProperties(value: string): string {
  return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_whole, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape === 'n' || escape === 't' || escape === 'r') return ' ';
    return escape;
  });
}
