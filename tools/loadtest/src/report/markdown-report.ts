import { DistributionSummary } from '../stats/percentiles';
import { LoadReport } from './load-report';

/** Formats a number for a table: integers with thousands separators, others with `digits` decimals; '–' for null. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number.isInteger(value) ? value : Number(value.toFixed(digits));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function latencyRow(name: string, s: DistributionSummary): string {
  const f = (v: number | null): string => formatNumber(v, 1);
  return `| ${name} | ${formatNumber(s.count, 0)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} | ${f(s.mean)} |`;
}

/** Renders the human-readable report (Markdown) of a run. */
export function renderMarkdownReport(report: LoadReport): string {
  const { submit, completion: c, queue } = report;
  const shape =
    submit.model === 'open'
      ? `open model, ${formatNumber(submit.ratePerSecond)} requests/s`
      : `closed model, concurrency ${submit.concurrency}`;
  const lines = [
    `# Load test: ${report.label}`,
    '',
    `${report.verdict.ok ? '**PASS**' : '**FAIL**'} — ${shape}, ${submit.submitBatch === 1 ? 'single submits' : `batches of ${submit.submitBatch}`}, ` +
      `${formatNumber(submit.durationSeconds)} s; ${report.startedAt} → ${report.finishedAt}.`,
    ...report.verdict.failures.map((f) => `- ${f}`),
    '',
    `Machine: ${report.environment.cpuModel}, ${report.environment.cpuCount} cores, ${report.environment.memoryGiB} GiB; Node ${report.environment.node}.`,
    `Texts: ${report.texts.count} labelled (${report.texts.languages} languages) from ${report.texts.source}.`,
    '',
    '## Throughput',
    '',
    '| figure | value |',
    '|---|---|',
    `| requests sent / dropped by the client | ${formatNumber(submit.requestsSent, 0)} / ${formatNumber(submit.clientDropped, 0)} |`,
    `| predictions accepted | ${formatNumber(submit.predictionsAccepted, 0)} |`,
    `| accepted/s (submit phase) | ${formatNumber(submit.acceptedPerSecond)} |`,
    `| completed/s (first → last completion) | ${formatNumber(c.completedPerSecond)} |`,
    `| completed/s sustained (median second) | ${formatNumber(c.completedPerSecondSustained)} |`,
    `| completed/s end to end (first submit → last completion) | ${formatNumber(c.completedPerSecondEndToEnd)} |`,
    `| scheduler max lag (ms) | ${formatNumber(submit.schedulerMaxLagMs)} |`,
    `| queue depth peak (ready / ready+unacked) | ${formatNumber(queue.peakReady, 0)} / ${formatNumber(queue.peakDepth, 0)} |`,
    '',
    '## Correctness',
    '',
    ...(c.verified
      ? [
          '| done | failed | lost | duplicated | wrong language | inconsistent | accuracy |',
          '|---|---|---|---|---|---|---|',
          `| ${formatNumber(c.done, 0)} | ${c.failed} | ${c.lost} | ${c.duplicated} | ${c.wrong} | ${c.inconsistent} | ${c.accuracy === null ? '–' : `${(c.accuracy * 100).toFixed(2)} %`} |`,
        ]
      : ['Not verified (`--no-verify`: accept path only).']),
    '',
    '## Latency (ms)',
    '',
    '| measure | count | p50 | p95 | p99 | max | mean |',
    '|---|---|---|---|---|---|---|',
    latencyRow('HTTP submit', report.httpLatencyMs),
    latencyRow('submit → done', c.submitToDoneMs),
    '',
    '## HTTP statuses',
    '',
    `Submit: ${
      Object.entries(submit.statusCounts)
        .map(([k, v]) => `${k} × ${formatNumber(v, 0)}`)
        .join(', ') || 'none'
    }.`,
    `Verify: ${
      Object.entries(c.verifyStatusCounts)
        .map(([k, v]) => `${k} × ${formatNumber(v, 0)}`)
        .join(', ') || 'none'
    } (${formatNumber(c.verifySeconds)} s).`,
  ];
  if (report.processes.length > 0) {
    lines.push(
      '',
      '## CPU (% of one core)',
      '',
      '| process | pid | average | peak | CPU s |',
      '|---|---|---|---|---|',
    );
    for (const p of report.processes) {
      lines.push(
        `| ${p.name} | ${p.pid} | ${formatNumber(p.averagePercent, 0)} | ${formatNumber(p.peakPercent, 0)} | ${formatNumber(p.cpuSeconds)} |`,
      );
    }
  }
  if (submit.errorSamples.length + c.problems.length + report.notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const n of [...report.notes, ...submit.errorSamples, ...c.problems])
      lines.push(`- ${n.replace(/\n/g, ' ')}`);
  }
  return lines.join('\n') + '\n';
}
