import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { LanguageIdentifier, classificationReport } from '@sibyl/model';
import { CliIo, UsageError } from '../cli-io';
import { readLabelledTexts } from '../evaluation/labelled-texts';
import { formatReport } from '../evaluation/report-text';
import { defaultPaths } from '../workspace-paths';

/** Usage line of `eval`. */
export const EVAL_USAGE =
  'eval --data FILE.jsonl | --feedback FEEDBACK.jsonl (models export-feedback) [--json] [--model PATH]';

/**
 * `eval`: scores the model on a JSONL file of `{"text","lang"}` lines, or with `--feedback` on
 * verified feedback exported by `models export-feedback` (`{"text","language",...}`). Prints accuracy,
 * macro-F1, per-language precision/recall/F1 and the top confusions, or with `--json`
 * one JSON object (`n`, `accuracy`, `macroF1`, `perLanguage`, `confusions`, `model`, ...).
 */
export async function evalCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      feedback: { type: 'string' },
      json: { type: 'boolean' },
      model: { type: 'string' },
    },
  });
  if (!values.data === !values.feedback)
    throw new UsageError('eval needs --data FILE.jsonl or --feedback FEEDBACK.jsonl (one of them)');
  const data = (values.data ?? values.feedback) as string;
  const label = values.feedback ? `verified feedback ${data}` : data;
  const modelPath = resolve(values.model ?? defaultPaths(io.root).model);
  const model = await LanguageIdentifier.load(modelPath);
  const items = await readLabelledTexts(resolve(data));
  const started = performance.now();
  const predictions = model.predictMany(items.map((item) => item.text));
  const seconds = (performance.now() - started) / 1000;
  const report = classificationReport(
    items.map((item) => item.lang),
    predictions.map((p) => p.language),
  );
  if (values.json) {
    const output = {
      data,
      feedback: values.feedback !== undefined,
      model: { path: modelPath, modelVersion: model.info.modelVersion },
      ...report,
      textsPerSecond: seconds > 0 ? items.length / seconds : null,
    };
    io.stdout.write(`${JSON.stringify(output)}\n`);
  } else {
    io.stdout.write(`${formatReport(`${label} with ${model.info.modelVersion}`, report)}\n`);
  }
  return 0;
}
