import type { ModelRecord } from '@sibyl/registry';
import { alignColumns } from '@sibyl/testing';
import { percent } from './numbers';

/** The `list` table: one line per version, newest first. */
export function formatModelTable(records: readonly ModelRecord[]): string[] {
  if (records.length === 0) {
    return [
      'no models registered yet: npm run models -- add models/langid/langid.model --note "…"',
    ];
  }
  const rows = [
    ['VERSION', 'STATUS', 'HELD-OUT', 'MACRO-F1', 'UDHR SENT.', 'SIZE', 'CREATED', 'LAST CHANGE'],
    ...records.map((record) => {
      const last = record.changelog.at(-1);
      return [
        record.version,
        record.status,
        percent(record.metrics.heldOutAccuracy),
        record.metrics.macroF1.toFixed(4),
        percent(record.metrics.udhrSentences?.accuracy),
        `${(record.size / 1e6).toFixed(2)} MB`,
        record.created.toISOString().slice(0, 19),
        last ? `${last.action} by ${last.actor}` : '-',
      ];
    }),
  ];
  return alignColumns(rows);
}
