import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defaultPaths, ProgressReporter } from '@sibyl/langid-cli';
import { classificationReport, LanguageIdentifier } from '@sibyl/model';
import { FEEDBACK_COLLECTION, type FeedbackRecord } from '@sibyl/persistence';
import { metricDeltas } from '@sibyl/registry';
import { evaluateModel } from '../evaluation/evaluate-model';
import { formatDeltas } from '../format/deltas-table';
import type { ModelsCommand } from './models-command';
import { stringOption, UsageError } from './models-command';

/** Newest feedback items `verify` re-evaluates by default. */
const DEFAULT_FEEDBACK_ITEMS = 1000;

/**
 * `verify [V]` (default: the live model): fetches the artifact (checksum verified), re-evaluates it
 * on the held-out sets and on the newest verified feedback, writes a JSON report under
 * `reports/models/` and appends a `verified` changelog entry with the deltas against the metrics
 * recorded when it was added.
 */
export const verifyCommand: ModelsCommand = {
  name: 'verify',
  usage: 'verify [VERSION] [--feedback N] [--json]',
  summary:
    'Re-evaluates a version (default live) on the held-out sets + recent feedback; writes a report.',
  options: { feedback: { type: 'string' } },
  async run(context, positionals, values) {
    const { registry, io, json, root, db } = context;
    if (positionals.length > 1) throw new UsageError('verify takes at most one VERSION');
    const record = positionals[0]
      ? await registry.getOrThrow(positionals[0])
      : await registry.live();
    if (!record) throw new UsageError('no model is live: name the VERSION to verify');
    const limit = Number(stringOption(values, 'feedback') ?? DEFAULT_FEEDBACK_ITEMS);
    if (!Number.isInteger(limit) || limit < 0)
      throw new UsageError('--feedback must be a whole number');
    const identifier = LanguageIdentifier.fromBuffer(await registry.fetchArtifact(record.version));
    const paths = defaultPaths(root);
    const progress = new ProgressReporter(context.progress);
    const evaluation = await evaluateModel(identifier, paths, (phase, done, total, detail) =>
      progress.update(phase, done, total, detail),
    );
    const items = await db
      .collection<FeedbackRecord>(FEEDBACK_COLLECTION)
      .find({}, { projection: { text: 1, actual: 1 } })
      .sort({ at: -1 })
      .limit(limit)
      .toArray();
    const feedback = classificationReport(
      items.map((item) => item.actual),
      identifier.predictMany(items.map((item) => item.text)).map((p) => p.language),
    );
    const deltas = metricDeltas(
      evaluation.metrics,
      record.metrics,
      `${record.version} as recorded`,
    );
    const at = new Date();
    const reportPath = resolve(
      join(
        root,
        'reports/models',
        `verify-${record.version}-${at.toISOString().replace(/[:.]/g, '-')}.json`,
      ),
    );
    const report = {
      version: record.version,
      at,
      metrics: evaluation.metrics,
      recorded: record.metrics,
      deltas,
      feedback: {
        n: feedback.n,
        accuracy: feedback.n > 0 ? feedback.accuracy : null,
        confusions: feedback.confusions.slice(0, 10),
      },
    };
    await mkdir(join(root, 'reports/models'), { recursive: true });
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    await registry.appendChangelog(record.version, {
      at,
      action: 'verified',
      actor: context.actor,
      deltas,
      details: {
        report: reportPath,
        heldOutAccuracy: evaluation.metrics.heldOutAccuracy,
        feedbackItems: feedback.n,
        feedbackAccuracy: report.feedback.accuracy,
      },
    });
    if (json) {
      io.out(JSON.stringify({ ...report, report: reportPath }));
      return 0;
    }
    io.out(
      `verified ${record.version}: held-out accuracy ${(evaluation.metrics.heldOutAccuracy * 100).toFixed(2)}%, ` +
        `feedback ${report.feedback.accuracy === null ? 'none' : `${(feedback.accuracy * 100).toFixed(2)}% of ${feedback.n}`}; report ${reportPath}`,
    );
    for (const line of formatDeltas(deltas)) io.out(line);
    return 0;
  },
};
