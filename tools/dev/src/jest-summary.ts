import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Totals over jest `--json` reports. */
export interface JestTotals {
  suites: number;
  passed: number;
  failed: number;
  skipped: number;
  failedSuites: string[];
}

function reportFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return reportFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/** Adds up every jest JSON report below `dir` (written by the test and e2e targets). */
export function summarizeJestReports(dir: string): JestTotals {
  const totals: JestTotals = { suites: 0, passed: 0, failed: 0, skipped: 0, failedSuites: [] };
  for (const file of reportFiles(dir)) {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numTotalTestSuites: number;
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests?: number;
      testResults: { name: string; status: string }[];
    };
    totals.suites += report.numTotalTestSuites;
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    totals.failedSuites.push(
      ...report.testResults.filter((r) => r.status === 'failed').map((r) => r.name),
    );
  }
  return totals;
}
