import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { LanguageIdentifier, classificationReport } from '@sibyl/model';
import { CliIo, UsageError } from '../cli-io';
import { readLabelledTexts } from '../evaluation/labelled-texts';
import { formatReport } from '../evaluation/report-text';
import { defaultPaths } from '../workspace-paths';

/** Usage line of `eval`. */
export const EVAL_USAGE = 'eval --data FILE.jsonl [--json] [--model PATH]';

/**
 * `eval`: scores the model on a JSONL file of `{"text","lang"}` lines. Prints accuracy,
 * macro-F1, per-language precision/recall/F1 and the top confusions, or with `--json`
 * one JSON object (`n`, `accuracy`, `macroF1`, `perLanguage`, `confusions`, `model`, ...).
 */
export async function evalCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, json: { type: 'boolean' }, model: { type: 'string' } },
  });
  if (!values.data) throw new UsageError('eval needs --data FILE.jsonl');
  const modelPath = resolve(values.model ?? defaultPaths(io.root).model);
  const model = await LanguageIdentifier.load(modelPath);
  const items = await readLabelledTexts(resolve(values.data));
  const started = performance.now();
  const predictions = model.predictMany(items.map((item) => item.text));
  const seconds = (performance.now() - started) / 1000;
  const report = classificationReport(
    items.map((item) => item.lang),
    predictions.map((p) => p.language),
  );
  if (values.json) {
    const output = {
      data: values.data,
      model: { path: modelPath, modelVersion: model.info.modelVersion },
      ...report,
      textsPerSecond: seconds > 0 ? items.length / seconds : null,
    };
    io.stdout.write(`${JSON.stringify(output)}\n`);
  } else {
    io.stdout.write(`${formatReport(`${values.data} with ${model.info.modelVersion}`, report)}\n`);
  }
  return 0;
}
