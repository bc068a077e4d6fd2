import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the benches keep their JSON results, relative to the workspace root. */
export const BENCH_REPORTS_DIR = 'reports/bench';

/** `2026-12-07T06:45:12.345Z` → `20261207T064512`: a sortable time for file names. */
export function fileTime(iso: string): string {
  return iso.replace(/[-:]/g, '').slice(0, 15);
}

/**
 * Writes a bench's results as pretty JSON to `reports/bench/<stem>.json` under `root` (creating the folder) and
 * returns the file's path.
 */
export function writeBenchReport(root: string, stem: string, data: unknown): string {
  const dir = join(root, BENCH_REPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${stem}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
