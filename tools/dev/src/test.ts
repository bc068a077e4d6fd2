import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@sibyl/testing';
import { nx } from './commands';
import { ensureInfrastructure, infraConfig } from './infra';
import { summarizeJestReports } from './jest-summary';
import { log } from './log';
import { ensureModel } from './model';
import { ensureTestTools } from './test-tools';

/**
 * `npm test`: installs what the suites need if missing (database build, kustomize, Chromium, the
 * model), then lint and unit tests of every project, then the end-to-end suites
 * (real RabbitMQ, FerretDB, Chromium) one project at a time, then one summary line.
 * Extra arguments go to nx (e.g. `npm test -- --projects=gateway`). The Nx cache is
 * skipped so that every test really runs and is counted.
 */
async function main(): Promise<void> {
  const extra = process.argv.slice(2);
  const reports = join(workspaceRoot(), 'reports', 'jest');
  rmSync(reports, { recursive: true, force: true });

  await ensureInfrastructure(infraConfig(), true);
  await ensureTestTools();
  await ensureModel();

  log('lint and unit tests…');
  const unit = await nx([
    'run-many',
    '-t',
    'lint',
    'test',
    '--parallel=2',
    '--outputStyle=stream',
    '--skip-nx-cache',
    ...extra,
  ]);
  log('end-to-end tests…');
  const e2e = await nx([
    'run-many',
    '-t',
    'e2e',
    '--parallel=1',
    '--outputStyle=stream',
    '--skip-nx-cache',
    ...extra,
  ]);

  const totals = summarizeJestReports(reports);
  for (const suite of totals.failedSuites) log(`FAILED ${suite}`);
  if (unit !== 0 || e2e !== 0) log(`nx exited with ${unit} (lint/unit) and ${e2e} (e2e)`);
  process.stdout.write(
    `\nSummary: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
  );
  process.exit(unit === 0 && e2e === 0 && totals.failed === 0 ? 0 : 1);
}

main().catch((error: Error) => {
  log(`test run failed: ${error.message}`);
  process.exit(1);
});
