import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { LanguageIdentifier } from '@sibyl/model';
import { cpuSeconds } from './cpu-time';

/** Timed passes per model; the median counts. */
const PASSES = 7;

/** One model's figures from {@link compareSpeed}. */
export interface SpeedFigure {
  model: string;
  /** Median over the passes of sentences / CPU-second of `predictMany` on all sentences. */
  sentencesPerCpuSecond: number;
  loadMs: number;
}

/**
 * Throughput of several model files measured in one process, their passes interleaved and
 * timed in CPU time, so that on a shared machine every model sees the same conditions and
 * time spent descheduled does not count (wall-clock rates of runs minutes apart do not compare).
 */
export function compareSpeed(modelPaths: string[], sentencesFile: string): SpeedFigure[] {
  const texts = readFileSync(sentencesFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const runs = modelPaths.map((model) => {
    const started = performance.now();
    const identifier = LanguageIdentifier.loadSync(model);
    return { model, identifier, loadMs: performance.now() - started, rates: [] as number[] };
  });
  for (const run of runs) run.identifier.predictMany(texts);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const run of runs) {
      const started = cpuSeconds();
      run.identifier.predictMany(texts);
      run.rates.push(texts.length / (cpuSeconds() - started));
    }
    process.stderr.write(`[bench speed] pass ${pass + 1}/${PASSES}\n`);
  }
  return runs.map(({ model, rates, loadMs }) => ({
    model,
    sentencesPerCpuSecond: rates.sort((a, b) => a - b)[Math.floor(PASSES / 2)],
    loadMs,
  }));
}

/** Prints {@link compareSpeed} with the load average before and after. */
export function runSpeedComparison(modelPaths: string[], sentencesFile: string): void {
  const before = loadavg()[0].toFixed(2);
  const figures = compareSpeed(modelPaths, sentencesFile);
  for (const figure of figures) {
    process.stdout.write(
      `${figure.model}: ${Math.round(figure.sentencesPerCpuSecond)} sentences per CPU-second (median of ${PASSES}), loaded in ${figure.loadMs.toFixed(0)} ms\n`,
    );
  }
  process.stdout.write(
    `load average (1 min): ${before} before, ${loadavg()[0].toFixed(2)} after\n`,
  );
}
