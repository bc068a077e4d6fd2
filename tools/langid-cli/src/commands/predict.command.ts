import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { LanguageIdentifier, LanguagePrediction, languageNames } from '@sibyl/model';
import { CliIo, UsageError } from '../cli-io';
import { defaultPaths } from '../workspace-paths';

/** Usage line of `predict`. */
export const PREDICT_USAGE =
  'predict [--json] [--model PATH] "text" ...   (or one text per line on stdin)';

/**
 * `predict`: classifies each argument, or each stdin line when there is none. Prints
 * `code<TAB>English name<TAB>native name<TAB>confidence` per text, or with `--json` the
 * full prediction as one JSON object per line.
 */
export async function predictCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, model: { type: 'string' } },
  });
  if (positionals.length === 0 && io.stdin.isTTY)
    throw new UsageError('predict needs a text argument or stdin');
  const model = await LanguageIdentifier.load(resolve(values.model ?? defaultPaths(io.root).model));
  const print = (text: string) =>
    io.stdout.write(`${formatPrediction(text, model.predict(text), !!values.json)}\n`);
  if (positionals.length > 0) {
    positionals.forEach(print);
    return 0;
  }
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) print(line);
  return 0;
}

/** One output line for a prediction. */
export function formatPrediction(
  text: string,
  prediction: LanguagePrediction,
  json: boolean,
): string {
  const names = languageNames(prediction.language);
  if (json)
    return JSON.stringify({ text, ...prediction, english: names.english, native: names.native });
  return [prediction.language, names.english, names.native, prediction.confidence.toFixed(4)].join(
    '\t',
  );
}
