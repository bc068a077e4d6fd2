import { DistributionSummary } from '@sibyl/loadtest';
import { DatabaseBenchRow } from './database-bench';
import { MeasureSettings } from './database-measurements';

/** Header of the section in BENCHMARKS.md. */
export const DATABASE_SECTION = 'Database';

const ms = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0);

const p50p99 = (d: DistributionSummary | undefined): string =>
  d ? `${ms(d.p50)} / ${ms(d.p99)}` : '–';

/** The Markdown body of the "Database" section (without its heading). */
export function renderDatabaseSection(
  rows: readonly DatabaseBenchRow[],
  s: MeasureSettings,
  command: string,
  machine: string,
  date: string,
): string {
  const lines = [
    `Measured ${date} with \`${command}\` on ${machine}, **measured while the machine was shared** with other`,
    'engineers (absolute figures depressed and noisy; compare rows of this one run).',
    '',
    `Inserts: ${s.concurrency} concurrent \`insertMany\` of ${s.groupSize} result documents for ${s.insertSeconds} s (a`,
    `scratch collection next to the filled one). Reads over the filled results: ${s.reads} sequential`,
    `\`findOne({_id})\`; ${s.inReads} × \`find({_id: {$in: ${s.inSize} ids}})\`; ${s.inReads} × the same ${s.inSize} ids as`,
    "parallel `findOne({_id})` (the gateway's `findByIds`). Ids are spread over the whole collection. Times in ms, p50 / p99.",
    '',
    '| FerretDB 1.24.2 backend and settings | results stored | insert docs/s | insertMany p50 / p99 | findOne({_id}) | $in of ids | parallel findOne |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const m = row.measurement;
    if (!m) {
      const reason = (row.error ?? '?').split('\n')[0].replace(/\|/g, '/');
      lines.push(`| ${row.variant.title} | ${row.results} | failed: ${reason} | | | | |`);
      continue;
    }
    lines.push(
      `| ${row.variant.title} | ${row.results.toLocaleString('en-US')} | ${Math.round(m.insert.docsPerSecond).toLocaleString('en-US')} | ${p50p99(m.insert.calls)} | ${p50p99(m.findOne)} | ${m.findInTimedOut > 0 ? `≥ ${ms(s.inTimeoutMs)} (${m.findInTimedOut} of ${s.inReads} stopped by maxTimeMS)` : p50p99(m.findIn)} | ${p50p99(m.parallelFindOne)} |`,
    );
  }
  return lines.join('\n');
}
