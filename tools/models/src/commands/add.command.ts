import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defaultPaths, formatReport, ProgressReporter } from '@sibyl/langid-cli';
import { LanguageIdentifier } from '@sibyl/model';
import { modelVersionOf } from '@sibyl/registry';
import { evaluateModel, provenanceOf } from '../evaluation/evaluate-model';
import type { ModelsCommand } from './models-command';
import { onePositional, stringOption } from './models-command';

/**
 * `add FILE --note "…"`: checks the artifact loads, evaluates it on the held-out corpus split and
 * the UDHR sets, and registers it as a candidate with those metrics and its training provenance.
 * The same bytes again are reported as already registered (nothing is re-evaluated).
 */
export const addCommand: ModelsCommand = {
  name: 'add',
  usage: 'add FILE --note "…" [--commit SHA] [--corpus DIR] [--eval-dir DIR] [--json]',
  summary: 'Evaluates a trained model on the held-out sets and registers it as a candidate.',
  options: {
    note: { type: 'string' },
    commit: { type: 'string' },
    corpus: { type: 'string' },
    'eval-dir': { type: 'string' },
  },
  async run(context, positionals, values) {
    const { registry, io, json, root } = context;
    const file = resolve(onePositional('add', positionals, 'FILE'));
    const bytes = await readFile(file);
    const existing = await registry.get(modelVersionOf(bytes));
    if (existing) {
      if (json) io.out(JSON.stringify({ added: false, record: existing }));
      else io.out(`${existing.version} is already registered (${existing.status}): same bytes`);
      return 0;
    }
    const identifier = LanguageIdentifier.fromBuffer(bytes);
    const paths = defaultPaths(root);
    const progress = new ProgressReporter(context.progress);
    const evaluation = await evaluateModel(
      identifier,
      {
        corpus: resolve(stringOption(values, 'corpus') ?? paths.corpus),
        evalDir: resolve(stringOption(values, 'eval-dir') ?? paths.evalDir),
      },
      (phase, done, total, detail) => progress.update(phase, done, total, detail),
    );
    if (!evaluation.sameCorpus) {
      io.err(
        'warning: the corpus on disk is not the one this model was trained on; ' +
          'its held-out split may overlap the training data',
      );
    }
    const record = await registry.add(bytes, {
      provenance: provenanceOf(identifier, stringOption(values, 'commit')),
      metrics: evaluation.metrics,
      actor: context.actor,
      note: stringOption(values, 'note'),
      details: {
        file,
        modelVersion: identifier.info.modelVersion,
        sameCorpus: evaluation.sameCorpus,
      },
    });
    if (json) {
      io.out(JSON.stringify({ added: true, record }));
      return 0;
    }
    progress.log(formatReport('held-out split of the corpus', evaluation.heldOut));
    io.out(
      `added ${record.version} (candidate; trained as ${identifier.info.modelVersion}): ` +
        `held-out accuracy ${(record.metrics.heldOutAccuracy * 100).toFixed(2)}% ` +
        `(n=${record.metrics.heldOutSamples}), macro-F1 ${record.metrics.macroF1.toFixed(4)}` +
        evaluation.udhr
          .map((e) => `, ${e.name} ${(e.metrics.accuracy * 100).toFixed(2)}%`)
          .join(''),
    );
    return 0;
  },
};
