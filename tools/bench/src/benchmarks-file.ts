import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE_TITLE =
  '# Benchmarks\n\nMeasured by the scripts in `tools/`; each section says how to reproduce it.\n';

/**
 * Replaces the `## <heading>` section of BENCHMARKS.md (up to the next `## ` heading) with
 * `body`, appending the section if absent and creating the file if needed. Other sections
 * are left byte for byte as they were.
 */
export function replaceSection(markdown: string, heading: string, body: string): string {
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return `${markdown.replace(/\n*$/, '')}\n\n${section}`;
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
}

/** Reads BENCHMARKS.md (or a fresh skeleton), replaces one section and writes it back. */
export function writeSection(path: string, heading: string, body: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : FILE_TITLE;
  writeFileSync(path, replaceSection(current, heading, body));
}
