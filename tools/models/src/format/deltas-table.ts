import type { MetricDeltas } from '@sibyl/registry';
import { alignColumns } from '@sibyl/testing';
import { deltaPoints } from './numbers';

/** Per-language F1 changes below this (in absolute F1) are left out of the table as noise. */
export const DELTA_NOISE = 0.0005;

/**
 * Metric deltas as text: the headline figures, then every language whose F1 changed by more
 * than {@link DELTA_NOISE}, worst first (all of them with `all`).
 */
export function formatDeltas(deltas: MetricDeltas, all = false): string[] {
  const lines = [
    `against ${deltas.against}: held-out accuracy ${deltaPoints(deltas.heldOutAccuracy)}, ` +
      `macro-F1 ${deltaPoints(deltas.macroF1)}, UDHR sentences ${deltaPoints(deltas.udhrSentences)}, ` +
      `UDHR paragraphs ${deltaPoints(deltas.udhrParagraphs)}`,
  ];
  const languages = Object.entries(deltas.perLanguageF1)
    .filter(([, delta]) => all || Math.abs(delta) > DELTA_NOISE)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  if (languages.length === 0) {
    lines.push('  no language F1 changed');
    return lines;
  }
  const rows = [
    ['  LANG', 'F1 DELTA'],
    ...languages.map(([lang, d]) => [`  ${lang}`, deltaPoints(d)]),
  ];
  return [...lines, ...alignColumns(rows)];
}
