import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  FEEDBACK_COLLECTION,
  FeedbackLog,
  FeedbackRecord,
  feedbackExportLine,
} from '@sibyl/persistence';
import type { ModelsCommand } from './models-command';
import { noPositionals, stringOption, UsageError } from './models-command';

/** Exported items between two progress lines. */
const PROGRESS_EVERY = 1000;

/**
 * `export-feedback`: verified feedback (the `feedback` collection: the right language from the
 * client, matched by tracking id, with the request's text) as JSON Lines, oldest first, for
 * `langid train --with-feedback` and `langid eval --feedback` (docs/MODELS.md).
 */
export const exportFeedbackCommand: ModelsCommand = {
  name: 'export-feedback',
  usage: 'export-feedback [--since ISO] [--out FILE]',
  summary:
    'Verified feedback as JSON Lines {text, language, predicted, modelVersion, at, trackingId} for langid train --with-feedback / eval --feedback (stdout without --out).',
  options: { since: { type: 'string' }, out: { type: 'string' } },
  async run({ db, io, json, progress }, positionals, values) {
    noPositionals('export-feedback', positionals);
    const sinceText = stringOption(values, 'since');
    const since = sinceText === undefined ? undefined : new Date(sinceText);
    if (since && Number.isNaN(since.getTime()))
      throw new UsageError(`--since must be an ISO date or time, got "${sinceText}"`);
    const out = stringOption(values, 'out');
    const log = new FeedbackLog(db.collection<FeedbackRecord>(FEEDBACK_COLLECTION));
    const file = out === undefined ? undefined : createWriteStream(out);
    let items = 0;
    for await (const record of log.since(since)) {
      const line = JSON.stringify(feedbackExportLine(record));
      if (!file) io.out(line);
      else if (!file.write(`${line}\n`)) await once(file, 'drain');
      if (++items % PROGRESS_EVERY === 0) progress.write(`exported ${items} feedback items…\n`);
    }
    if (file) {
      file.end();
      await once(file, 'finish');
    }
    const summary = { items, since: since?.toISOString() ?? null, out: out ?? null };
    if (!out) io.err(`exported ${items} feedback items`);
    else io.out(json ? JSON.stringify(summary) : `exported ${items} feedback items to ${out}`);
    return 0;
  },
};
