/**
 * Child process of `npm run bench -- model`: loads ONE system, classifies the UDHR sets and
 * prints a single JSON line ({@link RunnerResult}) on stdout. Run in its own process so that
 * load time and peak RSS belong to that system alone.
 *   tsx tools/bench/src/model/system-runner.ts <sibyl|sibyl-v1|cld|fasttext|franc|baseline> <config JSON>
 */
import { readFileSync } from 'node:fs';
import { NodeSystem, PeerAdapter, loadPeer } from './peer-adapters';
import type { RunnerConfig, RunnerResult } from './runner-protocol';

function texts(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const [system, configJson] = process.argv.slice(2);
  const config = JSON.parse(configJson) as RunnerConfig;
  const sentences = texts(config.sentences);
  const paragraphs = texts(config.paragraphs);
  if (system === 'baseline') {
    const result: Partial<RunnerResult> = { peakRssMb: process.resourceUsage().maxRSS / 1024 };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const loadStarted = performance.now();
  const peer: PeerAdapter = await loadPeer(
    system as NodeSystem,
    config.root,
    config.model,
    config.previousModel,
  );
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const sentencePredictions = await peer.predictAll(sentences);
  const rates: number[] = [];
  for (let r = 0; r < config.repeats; r++) {
    const started = performance.now();
    await peer.predictAll(sentences);
    rates.push(sentences.length / ((performance.now() - started) / 1000));
    process.stderr.write(
      `  ${system}: pass ${r + 1}/${config.repeats} ${rates[r].toFixed(0)} sentences/s\n`,
    );
  }
  const paragraphPredictions = await peer.predictAll(paragraphs);
  const result: RunnerResult = {
    loadSeconds,
    sentencePredictions,
    paragraphPredictions,
    sentencesPerSecond: median(rates),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    modelBytes: peer.modelBytes,
    sentenceConfidences: peer.confidences?.(sentences),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
