import type { ChangelogEntry, ModelRecord } from '@sibyl/registry';
import { formatDeltas } from './deltas-table';
import { alignColumns } from '@sibyl/testing';
import { percent } from './numbers';
import { formatShadowReport } from './shadow-report';

/** `show`: identity, provenance, metrics (per-language F1), shadow report and the changelog. */
export function formatModelDetails(record: ModelRecord): string[] {
  const metrics = record.metrics;
  const lines = [
    `${record.version}  (${record.status})`,
    `  name ${record.name}, ${record.size} bytes in ${record.chunks} chunks, sha256 ${record.sha256}`,
    `  created ${record.created.toISOString()}` +
      (record.promotedAt ? `, last made live ${record.promotedAt.toISOString()}` : '') +
      (record.previousLive ? `, replaced ${record.previousLive}` : ''),
    `  provenance: corpus ${record.provenance.corpusHash.slice(0, 12)}…, commit ${record.provenance.commit}`,
    `  metrics: held-out accuracy ${percent(metrics.heldOutAccuracy)} (n=${metrics.heldOutSamples ?? '?'}), ` +
      `macro-F1 ${metrics.macroF1.toFixed(4)}, UDHR sentences ${percent(metrics.udhrSentences?.accuracy)}, ` +
      `UDHR paragraphs ${percent(metrics.udhrParagraphs?.accuracy)}`,
    ...perLanguageF1(metrics.perLanguageF1),
  ];
  if (record.shadow) lines.push(...formatShadowReport(record.shadow, '  '));
  lines.push('  changelog:');
  for (const entry of record.changelog) lines.push(...formatChangelogEntry(entry));
  return lines;
}

/** Per-language F1 in rows of six languages. */
function perLanguageF1(f1: Record<string, number>): string[] {
  const cells = Object.entries(f1).map(([language, value]) => `${language} ${value.toFixed(3)}`);
  const lines = ['  held-out F1 by language:'];
  for (let i = 0; i < cells.length; i += 6) lines.push(`    ${cells.slice(i, i + 6).join('  ')}`);
  return lines;
}

/** One changelog entry: when, what, who, why, then its deltas indented. */
export function formatChangelogEntry(entry: ChangelogEntry): string[] {
  const head =
    `    ${entry.at.toISOString().slice(0, 19)}  ${entry.action}${entry.forced ? ' (FORCED)' : ''}` +
    `  by ${entry.actor}${entry.reason ? `: ${entry.reason}` : ''}`;
  const lines = [head];
  if (entry.deltas) lines.push(...formatDeltas(entry.deltas).map((line) => `      ${line}`));
  if (entry.details && Object.keys(entry.details).length > 0) {
    lines.push(`      ${JSON.stringify(entry.details)}`);
  }
  return lines;
}

/** `diff`: the headline figures of two versions side by side. */
export function formatHeadline(a: ModelRecord, b: ModelRecord): string[] {
  const row = (record: ModelRecord) => [
    record.version,
    record.status,
    percent(record.metrics.heldOutAccuracy),
    record.metrics.macroF1.toFixed(4),
    percent(record.metrics.udhrSentences?.accuracy),
    percent(record.metrics.udhrParagraphs?.accuracy),
  ];
  return alignColumns([
    ['VERSION', 'STATUS', 'HELD-OUT', 'MACRO-F1', 'UDHR SENT.', 'UDHR PARA.'],
    row(a),
    row(b),
  ]);
}
