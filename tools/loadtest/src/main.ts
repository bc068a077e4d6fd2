import { HELP, parseCli, UsageError } from './cli/cli-options';
import { formatNumber } from './report/markdown-report';

/**
 * `npm run loadtest -- --help`: drives the gateway at a fixed rate or as fast as
 * possible, verifies every accepted id and writes JSON + Markdown reports.
 */
async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${HELP}`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(HELP);
    return 0;
  }
  // loaded only now, so that --help answers without loading the broker and database clients
  const { runLoadTest } = await import('./run/load-run');
  const { report, files } = await runLoadTest(command.options);
  const c = report.completion;
  const lines = [
    `${report.verdict.ok ? 'PASS' : 'FAIL'} ${report.label}`,
    `  accepted ${formatNumber(report.submit.predictionsAccepted, 0)} (${formatNumber(report.submit.acceptedPerSecond)}/s), ` +
      `completed ${formatNumber(c.done, 0)} (${formatNumber(c.completedPerSecond)}/s, sustained ${formatNumber(c.completedPerSecondSustained)}/s)`,
    `  lost ${c.lost}, duplicated ${c.duplicated}, failed ${c.failed}, wrong ${c.wrong}, inconsistent ${c.inconsistent}`,
    `  HTTP p50/p95/p99/max ${[report.httpLatencyMs.p50, report.httpLatencyMs.p95, report.httpLatencyMs.p99, report.httpLatencyMs.max].map((x) => formatNumber(x)).join('/')} ms; ` +
      `submit→done ${[c.submitToDoneMs.p50, c.submitToDoneMs.p95, c.submitToDoneMs.p99, c.submitToDoneMs.max].map((x) => formatNumber(x)).join('/')} ms`,
    ...report.verdict.failures.map((f) => `  ✗ ${f}`),
    ...(files ? [`  report: ${files.markdown}`, `          ${files.json}`] : []),
  ];
  process.stderr.write(lines.join('\n') + '\n');
  if (command.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return report.verdict.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`loadtest failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
