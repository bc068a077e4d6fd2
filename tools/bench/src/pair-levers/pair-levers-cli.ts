import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPairLevers } from './pair-levers';

const USAGE = `usage: npm run bench -- pair-levers [--model PATH] [--corpus DIR]

  Measures the close-pair levers of issue 13 (Hunspell word lists for hr/sr and da/nb, the
  ms/id stage combined with the main model, Indonesian root words) on top of one trained model
  (default models/langid/langid.model): UDHR sentences and paragraphs of the 37 independent
  languages and the model's corpus held-out split, errors counted per pair. Records go to
  tmp/bench/langid/pair-levers.jsonl.`;

/** `npm run bench -- pair-levers`: see {@link USAGE}. */
export async function runPairLeversCli(root: string, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: 'string' },
      corpus: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  await runPairLevers({
    root,
    model: resolve(root, values.model ?? 'models/langid/langid.model'),
    corpus: resolve(root, values.corpus ?? 'data/corpus'),
    log: (line) => process.stdout.write(`${line}\n`),
  });
}
