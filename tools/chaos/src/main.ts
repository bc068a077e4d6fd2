import { loadLabelledTexts } from '@sibyl/loadtest';
import { workspaceRoot } from '@sibyl/testing';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseChaosArgs, USAGE } from './cli/cli-options';
import { mergeReports } from './report/merge-results';
import { reliabilityMarkdown } from './report/reliability-markdown';
import { ALL_SCENARIOS } from './scenarios';
import { ChaosReport, runChaos } from './run/chaos-run';
import { installInterruptHandler } from './run/emergency';

const log = (line: string): void =>
  void process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** `npm run chaos`: the fault matrix, its verdicts and docs/RELIABILITY.md. */
async function main(): Promise<number> {
  const options = parseChaosArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.list) {
    for (const s of ALL_SCENARIOS)
      process.stdout.write(
        `${s.name.padEnd(24)} ${s.title}${s.needsPrivateBroker ? ' [private broker]' : ''}\n`,
      );
    return 0;
  }
  const root = workspaceRoot();
  const modelPath = resolve(root, options.modelPath);
  if (!existsSync(modelPath))
    throw new Error(
      `no model at ${modelPath}: train one with \`npm run langid -- train\` or pass --model`,
    );
  if (options.build) {
    log('building gateway and predictor…');
    const build = spawnSync(
      join(root, 'node_modules/.bin/nx'),
      ['run-many', '-t', 'build', '-p', 'gateway', 'predictor'],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NX_DAEMON: 'false' },
      },
    );
    if (build.status !== 0) throw new Error('build failed');
  }
  installInterruptHandler(log);
  const texts = loadLabelledTexts(options.textsPath);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const runDir = join(root, 'reports', 'chaos', stamp);
  mkdirSync(runDir, { recursive: true });
  log(`${options.scenarios.length} scenario(s); app logs in ${runDir}`);
  const report = await runChaos({
    scenarios: options.scenarios,
    broker: options.broker === 'private' ? 'private' : { sharedUrl: options.sharedRabbitUrl },
    commit: workspaceCommit(root),
    command: `npm run chaos${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    settings: {
      root,
      distDir: 'dist/apps',
      runDir,
      modelPath,
      texts: texts.texts,
      rate: options.rate,
      predictors: 2,
      warmupMs: options.warmupMs,
      faultMs: options.faultMs,
      cooldownMs: options.cooldownMs,
      completionTimeoutMs: options.completionTimeoutMs,
      log,
    },
  });
  writeFileSync(join(runDir, 'chaos-report.json'), JSON.stringify(report, null, 2));
  const published = options.merge
    ? mergeReports(
        JSON.parse(readFileSync(resolve(root, options.merge), 'utf8')) as ChaosReport,
        report,
        ALL_SCENARIOS.map((s) => s.name),
      )
    : report;
  writeFileSync(join(root, 'reports', 'chaos', 'latest.json'), JSON.stringify(published, null, 2));
  if (options.out) {
    writeFileSync(resolve(root, options.out), reliabilityMarkdown(published));
    log(`wrote ${options.out}${options.merge ? ` (merged into ${options.merge})` : ''}`);
  }
  const failed = report.results.filter((r) => r.failures.length > 0);
  log(
    `${report.results.length - failed.length}/${report.results.length} scenarios passed in ${(report.durationSeconds / 60).toFixed(1)} min${failed.length ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''}`,
  );
  return failed.length === 0 ? 0 : 1;
}

/** `git describe --always --dirty` of the workspace, or `unknown`. */
function workspaceCommit(root: string): string {
  const git = spawnSync('git', ['describe', '--always', '--dirty'], {
    cwd: root,
    encoding: 'utf8',
  });
  return git.status === 0 ? git.stdout.trim() : 'unknown';
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(`chaos run failed: ${error.message}`);
    process.exit(2);
  },
);
