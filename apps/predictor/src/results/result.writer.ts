import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PredictionStatus } from '@sibyl/contracts';
import { PredictionRecord, StoredLanguageScore } from '@sibyl/persistence';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

/** The result fields of a finished prediction, as stored on the request document. */
export interface PredictionResultFields {
  language: string;
  languageName: string;
  nativeName: string;
  confidence: number;
  top: StoredLanguageScore[];
  modelVersion: string;
}

/** One result to store: a prediction, or why the request cannot be predicted. */
export type ResultEntry =
  | { trackingId: string; status: PredictionStatus.Done; result: PredictionResultFields }
  | { trackingId: string; status: PredictionStatus.Failed; error: string; modelVersion: string };

/** Outcome of {@link ResultWriter.write}. */
export interface ResultWriteSummary {
  /** Documents that were still pending (`queued`) and received their result now. */
  written: ReadonlySet<string>;
  /** Entries not written because their document already had a result (or does not exist). */
  skipped: number;
}

/**
 * How the "only while still pending" guard is applied:
 * - `filter` (MongoDB): `{ _id, status: 'queued' }` in each update's filter — atomic per document;
 * - `lookup` (FerretDB 1.24): FerretDB runs every update as read-then-write anyway (not atomic) and uses the
 *   `_id` index only for a filter that is exactly `{ _id }`; with `status` added, each update scans and decodes
 *   the whole collection (measured 520 ms per update at 3,000 documents). So the pending documents are looked up
 *   by `_id` first and only those are updated, by `{ _id }`.
 */
export type PendingGuard = 'filter' | 'lookup';

/**
 * Stores a batch of results with ONE `bulkWrite` of one update per request, only while the request is still
 * `queued`. That makes it idempotent: a redelivered or republished message for a request that already has a
 * result writes nothing, so a request gets one result, never a second or a different one. Throws when the
 * database is unreachable; retrying the same batch is harmless.
 *
 * Each operation is an `updateMany` whose filter holds the unique `_id`, so it matches at most one document
 * exactly like `updateOne` (same counts, same per-document atomicity on MongoDB). The reason is FerretDB 1.24:
 * it keeps the cursor of every `updateOne` statement open until the whole command ends, and a command (or
 * concurrent commands on one database) with more than 100 such statements exhausts its SQLite connection pool
 * and hangs forever; an `updateMany` drains and releases its cursor.
 */
@Injectable()
export class ResultWriter {
  private guard: PendingGuard | undefined;

  constructor(
    @InjectModel(PredictionRecord.name) private readonly records: Model<PredictionRecord>,
  ) {}

  /** Writes the entries (all stamped `completedAt`) and reports which documents received their result. */
  async write(
    entries: readonly ResultEntry[],
    completedAt = new Date(),
  ): Promise<ResultWriteSummary> {
    if (entries.length === 0) return { written: new Set(), skipped: 0 };
    const guard = await this.pendingGuard();
    const targets = guard === 'filter' ? entries : await this.pendingEntries(entries);
    if (targets.length === 0) return { written: new Set(), skipped: entries.length };
    const operations = targets.map((entry) => this.operation(entry, completedAt, guard));
    const outcome = await this.records.bulkWrite(operations, { ordered: true });
    const modified = outcome.modifiedCount;
    const written = await this.writtenIds(targets, modified, completedAt);
    return { written, skipped: entries.length - written.size };
  }

  /** `lookup` when the database is FerretDB (its `buildInfo` says so), else `filter`; asked once. */
  async pendingGuard(): Promise<PendingGuard> {
    if (!this.guard) {
      const db = this.records.db.db;
      if (!db) throw new Error('database not connected');
      const info = await db.admin().command({ buildInfo: 1 });
      this.guard = 'ferretdbVersion' in info ? 'lookup' : 'filter';
    }
    return this.guard;
  }

  /** The first entry of each request that is still `queued`, found with one `{ _id }` lookup per request. */
  private async pendingEntries(entries: readonly ResultEntry[]): Promise<ResultEntry[]> {
    const firsts = new Map<string, ResultEntry>();
    for (const entry of entries) {
      if (!firsts.has(entry.trackingId)) firsts.set(entry.trackingId, entry);
    }
    const unique = [...firsts.values()];
    const statuses = await Promise.all(
      unique.map(({ trackingId }) =>
        this.records
          .findOne({ _id: trackingId }, { status: 1 })
          .lean<{ status: PredictionStatus }>()
          .exec(),
      ),
    );
    return unique.filter((_, index) => statuses[index]?.status === PredictionStatus.Queued);
  }

  private operation(
    entry: ResultEntry,
    completedAt: Date,
    guard: PendingGuard,
  ): AnyBulkWriteOperation<PredictionRecord> {
    const fields =
      entry.status === PredictionStatus.Done
        ? { ...entry.result, error: null }
        : { modelVersion: entry.modelVersion, error: entry.error };
    const filter =
      guard === 'filter'
        ? { _id: entry.trackingId, status: PredictionStatus.Queued }
        : { _id: entry.trackingId };
    return {
      updateMany: { filter, update: { $set: { ...fields, status: entry.status, completedAt } } },
    };
  }

  /**
   * Which entries this write stored. Usually all or none (known from the modified count alone); only when a
   * batch mixes pending and already-finished requests are the documents read back: those stamped with this
   * batch's `completedAt` are ours.
   */
  private async writtenIds(
    entries: readonly ResultEntry[],
    modified: number,
    completedAt: Date,
  ): Promise<Set<string>> {
    const ids = [...new Set(entries.map((entry) => entry.trackingId))];
    if (modified === 0) return new Set();
    if (modified === ids.length) return new Set(ids);
    const mine = await this.records
      .find({ _id: { $in: ids }, completedAt }, { _id: 1 })
      .lean<Array<{ _id: string }>>()
      .exec();
    return new Set(mine.map((doc) => doc._id));
  }
}
