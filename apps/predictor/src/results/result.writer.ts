import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PredictionStatus } from '@sibyl/contracts';
import {
  DoneResultFields,
  doneResultDocument,
  failedResultDocument,
  DatabaseTimeoutError,
  insertNew,
  PredictionResultRecord,
  withDeadline,
} from '@sibyl/persistence';
import type { Model } from 'mongoose';
import { PredictorMetrics } from '../metrics/predictor.metrics';
import { RESULT_WRITE_TIMEOUT } from './results.constants';

/** The result fields of a finished prediction. */
export type PredictionResultFields = DoneResultFields;

/** One result to store: a prediction, or why the request cannot be predicted. */
export type ResultEntry = { trackingId: string; submittedAt: Date } & (
  | { status: PredictionStatus.Done; result: PredictionResultFields }
  | { status: PredictionStatus.Failed; error: string; modelVersion: string }
);

/** Outcome of {@link ResultWriter.write}. */
export interface ResultWriteSummary {
  /** Requests that received their result with this write. */
  written: ReadonlySet<string>;
  /** Entries not written because their request already had a result (redelivery, republish, repeat in the batch). */
  skipped: number;
}

/**
 * Stores a batch of results with ONE `insertMany` into `prediction_results` (unordered, keyed by tracking id).
 * A request that already has a result makes its insert fail with a duplicate key (11000), which is the
 * idempotency guard: a redelivered or republished message writes nothing, so a request gets exactly one result,
 * atomically on MongoDB and FerretDB alike. One write (one SQLite transaction on FerretDB) per batch, whatever
 * its size. Throws when the database fails otherwise; retrying the same batch is harmless. A write without an
 * answer within DATABASE_OPERATION_TIMEOUT_MS fails with a DatabaseTimeoutError (counted in
 * `sibyl_database_timeouts_total`): an unavailable database, so the batch is held and retried, never hung on.
 */
@Injectable()
export class ResultWriter {
  constructor(
    @InjectModel(PredictionResultRecord.name)
    private readonly results: Model<PredictionResultRecord>,
    @Inject(RESULT_WRITE_TIMEOUT) private readonly timeoutMs: number,
    private readonly metrics: PredictorMetrics,
  ) {}

  /** Writes the entries (all stamped `completedAt`) and reports which requests received their result. */
  async write(
    entries: readonly ResultEntry[],
    completedAt = new Date(),
  ): Promise<ResultWriteSummary> {
    const docs = uniqueById(entries).map((entry) => resultRecord(entry, completedAt));
    if (docs.length === 0) return { written: new Set(), skipped: 0 };
    const written = new Set(docs.map((doc) => doc._id));
    for (const index of await this.insert(docs)) written.delete(docs[index]._id);
    return { written, skipped: entries.length - written.size };
  }

  /** One bounded insertMany; the indexes of the documents already stored. */
  private async insert(docs: PredictionResultRecord[]): Promise<number[]> {
    try {
      return await withDeadline(
        insertNew(this.results, docs),
        this.timeoutMs,
        `write of ${docs.length} result(s)`,
      );
    } catch (error) {
      if (error instanceof DatabaseTimeoutError) this.metrics.databaseTimeouts.inc();
      throw error;
    }
  }
}

/** The first entry of each request. */
function uniqueById(entries: readonly ResultEntry[]): ResultEntry[] {
  const firsts = new Map<string, ResultEntry>();
  for (const entry of entries)
    if (!firsts.has(entry.trackingId)) firsts.set(entry.trackingId, entry);
  return [...firsts.values()];
}

/** The complete document of one result. */
export function resultRecord(entry: ResultEntry, completedAt: Date): PredictionResultRecord {
  const stamp = { trackingId: entry.trackingId, submittedAt: entry.submittedAt, completedAt };
  return entry.status === PredictionStatus.Done
    ? doneResultDocument(stamp, entry.result)
    : failedResultDocument(stamp, entry.error, entry.modelVersion);
}
