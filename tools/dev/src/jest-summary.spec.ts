import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeJestReports } from './jest-summary';

describe('summarizeJestReports', () => {
  const report = (passed: number, failed: number, pending: number, failedFile?: string) => ({
    numTotalTestSuites: 2,
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: pending,
    numTodoTests: 0,
    testResults: [
      { name: 'a.spec.ts', status: 'passed' },
      ...(failedFile ? [{ name: failedFile, status: 'failed' }] : []),
    ],
  });

  it('adds up every report below the folder, nested ones included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jest-summary-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(report(3, 0, 1)));
    writeFileSync(join(dir, 'nested', 'b.json'), JSON.stringify(report(4, 2, 0, 'b.spec.ts')));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(summarizeJestReports(dir)).toEqual({
      suites: 4,
      passed: 7,
      failed: 2,
      skipped: 1,
      failedSuites: ['b.spec.ts'],
    });
  });

  it('gives zeros when no test ran', () => {
    expect(summarizeJestReports(join(tmpdir(), 'no-such-folder-for-jest-summary'))).toEqual({
      suites: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      failedSuites: [],
    });
  });
});
