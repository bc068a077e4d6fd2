import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseCommandLine, wholeNumber } from '@sibyl/cli-options';
import { git } from '@sibyl/testing';
import { runChartBench } from './chart-bench';
import { writeBenchReport } from '../bench-report-file';

export const CHARTS_HELP = `Dashboard chart bench (issue 14, item 9): bundle size of the operations page and the
main-thread cost of one chart update in headless Chromium (/usr/bin/chromium or CHROMIUM_PATH).

Usage: npm run bench -- charts [options]
  --label NAME      name of this run in the output file, default the measured tree's git commit
  --root DIR        measure the dashboard of another checkout (e.g. an older commit extracted with
                    \`git archive\`, node_modules linked), default this workspace
  --rounds N        fresh pages measured, default 5
  --updates N       measured updates per page (one per animation frame), default 200
  --warmup N        unmeasured updates first, default 30
  --history N       samples per window (SAMPLE_HISTORY_SIZE), default 300
  --interval MS     sampling interval (SAMPLE_INTERVAL_MS), default 1000
Results: printed, and reports/bench/charts-<label>.json.
`;

/** `npm run bench -- charts …`. */
export async function runChartsCli(workspace: string, argv: string[]): Promise<void> {
  const values = parseCommandLine(
    argv,
    {
      label: { type: 'string' },
      root: { type: 'string' },
      rounds: { type: 'string', default: '5' },
      updates: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '30' },
      history: { type: 'string', default: '300' },
      interval: { type: 'string', default: '1000' },
    },
    CHARTS_HELP,
  );
  if (!values) return;
  const positive = (name: string, text: string) => wholeNumber(name, text, undefined, 1);
  const root = resolve(values.root ?? workspace);
  const label = values.label ?? git(root, ['rev-parse', '--short', 'HEAD']);
  const report = await runChartBench({
    root,
    rounds: positive('rounds', values.rounds),
    updates: positive('updates', values.updates),
    warmup: positive('warmup', values.warmup),
    historySize: positive('history', values.history),
    sampleIntervalMs: positive('interval', values.interval),
    log: (line) => process.stderr.write(`[charts] ${line}\n`),
  });
  const record = {
    label,
    root,
    commit: git(root, ['rev-parse', 'HEAD']),
    at: new Date().toISOString(),
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    chromium: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    loadAverage: loadavg().map((l) => +l.toFixed(2)),
    options: { ...values },
    ...report,
  };
  const file = writeBenchReport(workspace, `charts-${label}`, record);
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  const { opsScript, opsScriptMinified, styles } = report.bundle;
  process.stdout.write(
    [
      `charts bench "${label}" (${report.samples} updates; load average ${record.loadAverage.join(' ')})`,
      `  ops.js as built      ${kb(opsScript.bytes)} (gzip ${kb(opsScript.gzipBytes)})`,
      `  ops.js minified      ${kb(opsScriptMinified.bytes)} (gzip ${kb(opsScriptMinified.gzipBytes)})`,
      `  stylesheets          ${kb(styles.bytes)} (gzip ${kb(styles.gzipBytes)})`,
      `  update median        ${report.updateMedianMs.toFixed(2)} ms (p95 ${report.updateP95Ms.toFixed(2)} ms)`,
      `  first update median  ${report.firstUpdateMedianMs.toFixed(2)} ms`,
      `  main thread at rate  ${(report.cpuShareAtSampleRate * 100).toFixed(2)} % of a core`,
      `  written to ${file}`,
      '',
    ].join('\n'),
  );
}
