import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoadReport } from './load-report';
import { renderMarkdownReport } from './markdown-report';

/** Default report folder (git-ignored). */
export const DEFAULT_REPORT_DIR = 'reports/loadtest';

/** File-name-safe form of a label. */
export function slugOf(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'run'
  );
}

/**
 * Writes `<dir>/<yyyymmdd-hhmmss>-<label>.json` and `.md`; returns both paths.
 */
export function writeReport(
  report: LoadReport,
  dir = DEFAULT_REPORT_DIR,
): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = join(dir, `${stamp}-${slugOf(report.label)}`);
  const json = `${base}.json`;
  const markdown = `${base}.md`;
  writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(markdown, renderMarkdownReport(report));
  return { json, markdown };
}
