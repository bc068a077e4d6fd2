// A jest reporter (wired in jest.preset.js) that saves each run's totals as
// reports/jest/<project>-<time>.json, so `npm test` can print one summary line
// over all projects: "Summary: N passed, N failed, N skipped".
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

class JestResultsReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const [context] = contexts;
    const name =
      (context && context.config.displayName && context.config.displayName.name) || 'jest';
    const dir = join(root, 'reports', 'jest');
    mkdirSync(dir, { recursive: true });
    const { numTotalTestSuites, numPassedTests, numFailedTests, numPendingTests, numTodoTests } =
      results;
    const testResults = results.testResults.map((r) => ({
      name: r.testFilePath,
      status: r.numFailingTests > 0 || r.testExecError ? 'failed' : 'passed',
    }));
    const report = {
      numTotalTestSuites,
      numPassedTests,
      numFailedTests,
      numPendingTests,
      numTodoTests,
      testResults,
    };
    writeFileSync(
      join(dir, `${name}-${process.pid}-${Date.now()}.json`),
      JSON.stringify(report, null, 2),
    );
  }
}

module.exports = JestResultsReporter;
