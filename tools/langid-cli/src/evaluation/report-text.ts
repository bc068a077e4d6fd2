import { ClassificationReport, LANGUAGES } from '@sibyl/model';

/** How many confusions the text report lists. */
export const TOP_CONFUSIONS = 10;

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
const fixed = (x: number) => x.toFixed(3);

/** Human-readable evaluation: headline figures, per-language table, top confusions. */
export function formatReport(title: string, report: ClassificationReport): string {
  const lines = [
    `${title}`,
    `  texts ${report.n}   accuracy ${percent(report.accuracy)}   macro-F1 ${fixed(report.macroF1)}`,
    '',
    '  lang  language                 precision  recall     F1  support',
  ];
  for (const [code, scores] of Object.entries(report.perLanguage)) {
    const name = LANGUAGES[code]?.english ?? '(not a model label)';
    lines.push(
      `  ${code.padEnd(5)} ${name.padEnd(24)} ${fixed(scores.precision).padStart(9)} ${fixed(scores.recall).padStart(7)} ${fixed(scores.f1).padStart(6)} ${String(scores.support).padStart(8)}`,
    );
  }
  lines.push('', `  top confusions (expected -> predicted):`);
  if (report.confusions.length === 0) lines.push('    none');
  for (const c of report.confusions.slice(0, TOP_CONFUSIONS)) {
    lines.push(`    ${c.expected.padEnd(4)} -> ${c.predicted.padEnd(4)} ${c.count}`);
  }
  return lines.join('\n');
}
