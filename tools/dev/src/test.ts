import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
 *
 * The run ends what it started: a FerretDB it had to start (none answered on MONGODB_URI) keeps
 * its files in a temporary folder and is stopped, and the folder deleted, when the run ends —
 * passed, failed or interrupted.
 */
async function main(): Promise<void> {
  const extra = process.argv.slice(2);
  const reports = join(workspaceRoot(), 'reports', 'jest');
  rmSync(reports, { recursive: true, force: true });

  const databaseDir = mkdtempSync(join(tmpdir(), 'sibyl-test-ferretdb-'));
  const database = await ensureInfrastructure(infraConfig(), false, databaseDir);
  const cleanUp = async (): Promise<void> => {
    if (database.started) log('stopping the FerretDB this run started…');
    await database.stop();
    rmSync(databaseDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  let code = 1;
  try {
    code = await runSuites(extra, reports);
  } finally {
    await cleanUp();
  }
  process.exit(code);
}

/** Lint, unit and e2e tests, then the summary line; resolves the exit code of the run. */
async function runSuites(extra: string[], reports: string): Promise<number> {
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
  return unit === 0 && e2e === 0 && totals.failed === 0 ? 0 : 1;
}

main().catch((error: Error) => {
  log(`test run failed: ${error.message}`);
  process.exit(1);
});
