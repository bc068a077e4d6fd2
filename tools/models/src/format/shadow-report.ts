import type { ShadowReport } from '@sibyl/registry';
import { alignColumns } from '@sibyl/testing';
import { percent } from './numbers';

/** Disagreements printed as text (`--json` has them all). */
const DISAGREEMENTS_PRINTED = 10;
/** Characters of a disagreeing text printed. */
const TEXT_PRINTED = 70;

/** A shadow report as text: headline, agreement by live language, the first disagreements. */
export function formatShadowReport(report: ShadowReport, indent = ''): string[] {
  const state = report.finishedAt
    ? `finished ${report.finishedAt.toISOString().slice(0, 19)} (${report.stopReason ?? 'stopped'})`
    : 'running';
  const lines = [
    `shadow vs ${report.liveVersion}: ${report.agreed}/${report.compared} agree ` +
      `(${percent(report.agreement)}); started ${report.startedAt.toISOString().slice(0, 19)}, ${state}`,
    `  ${report.predictions ?? report.compared} shadow predictions` +
      (report.max !== undefined ? ` of at most ${report.max}` : '') +
      (report.sample !== undefined ? `, sample ${percent(report.sample)}` : '') +
      (report.unmatched ? `, ${report.unmatched} without a done live result yet` : ''),
  ];
  const languages = Object.entries(report.perLanguage).sort(
    (a, b) => b[1].compared - a[1].compared,
  );
  if (languages.length > 0) {
    lines.push(
      ...alignColumns([
        ['LIVE LANGUAGE', 'COMPARED', 'AGREED', 'AGREEMENT'],
        ...languages.map(([language, { compared, agreed }]) => [
          language,
          String(compared),
          String(agreed),
          percent(agreed / compared),
        ]),
      ]).map((line) => `  ${line}`),
    );
  }
  if (report.disagreements.length > 0) lines.push('  disagreements (live -> candidate):');
  for (const item of report.disagreements.slice(0, DISAGREEMENTS_PRINTED)) {
    lines.push(
      `    ${item.live} ${confidence(item.liveConfidence)} -> ${item.candidate} ` +
        `${confidence(item.candidateConfidence)}  ${JSON.stringify(item.text.slice(0, TEXT_PRINTED))}`,
    );
  }
  const more = report.disagreements.length - DISAGREEMENTS_PRINTED;
  if (more > 0) lines.push(`    … ${more} more (--json lists them)`);
  return lines.map((line) => indent + line);
}

function confidence(value: number | undefined): string {
  return value === undefined ? '' : `(${value.toFixed(2)})`;
}
