import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  failedResultDocument,
  insertNew,
  OutboxCursorRecord,
  PredictionRecord,
  PredictionResultRecord,
  SWEEP_CURSOR_ID,
} from '@sibyl/persistence';
import { Model } from 'mongoose';
import { findByIds } from '../records/find-by-ids';

/** A stored request as the outbox needs it to republish. */
export type OutboxEntry = Pick<
  PredictionRecord,
  '_id' | 'text' | 'submittedAt' | 'publishAttempts' | 'republishedAt'
>;

/** A request seen by a sweep, before its text is read. */
export type SweepCandidate = Pick<
  PredictionRecord,
  '_id' | 'submittedAt' | 'publishAttempts' | 'republishedAt'
>;

/**
 * What the outbox relay's sweep reads and writes: requests and results by submission time (range
 * queries on `submittedAt`, indexed on MongoDB; collection scans on FerretDB, hence rare), the
 * shared sweep cursor, republish counts and, for requests that were never processed, a `failed`
 * result. None of it is on the request path.
 */
@Injectable()
export class OutboxStore {
  constructor(
    @InjectModel(PredictionRecord.name) private readonly requests: Model<PredictionRecord>,
    @InjectModel(PredictionResultRecord.name)
    private readonly results: Model<PredictionResultRecord>,
    @InjectModel(OutboxCursorRecord.name) private readonly cursors: Model<OutboxCursorRecord>,
  ) {}

  /** Where the last complete sweep stopped (the epoch before the first one). */
  async sweptThrough(): Promise<Date> {
    const cursor = await this.cursors.findById(SWEEP_CURSOR_ID).lean<OutboxCursorRecord>().exec();
    return cursor ? new Date(cursor.through) : new Date(0);
  }

  /** Moves the sweep cursor forward to `through` (never back: another gateway may be further). */
  async advanceSweep(through: Date): Promise<void> {
    await this.cursors
      .updateOne({ _id: SWEEP_CURSOR_ID }, { $max: { through } }, { upsert: true })
      .exec();
  }

  /** Requests submitted in [from, to), oldest first, at most `limit`, without their text. */
  requestsSubmittedBetween(from: Date, to: Date, limit: number): Promise<SweepCandidate[]> {
    return this.requests
      .find(
        { submittedAt: { $gte: from, $lt: to } },
        { _id: 1, submittedAt: 1, publishAttempts: 1, republishedAt: 1 },
      )
      .sort({ submittedAt: 1 })
      .limit(limit)
      .lean<SweepCandidate[]>()
      .exec();
  }

  /** Ids of the results of requests submitted in [from, to] (both ends included). */
  async resultIdsSubmittedBetween(from: Date, to: Date): Promise<Set<string>> {
    const found = await this.results
      .find({ submittedAt: { $gte: from, $lte: to } }, { _id: 1 })
      .lean<Array<{ _id: string }>>()
      .exec();
    return new Set(found.map((result) => result._id));
  }

  /** The requests with their text, looked up by `_id`. */
  requestsWithText(ids: readonly string[]): Promise<OutboxEntry[]> {
    return findByIds<OutboxEntry>(this.requests as unknown as Model<OutboxEntry>, ids);
  }

  /** Records the attempt number and time of republished requests (one update by `_id` each, in one bulk write). */
  async recordAttempts(
    entries: ReadonlyArray<{ trackingId: string; attempt: number }>,
    at: Date,
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.requests.bulkWrite(
      entries.map(({ trackingId, attempt }) => ({
        // updateMany, not updateOne (same effect: `_id` is unique): FerretDB 1.24 holds each updateOne's cursor
        // until the command ends and hangs beyond 100 of them (SQLite pool); updateMany releases it.
        updateMany: {
          filter: { _id: trackingId },
          update: { $set: { publishAttempts: attempt, republishedAt: at } },
        },
      })),
      { ordered: false },
    );
  }

  /**
   * Stores a `failed` result for requests the pipeline never finished (e.g. every delivery
   * dead-lettered). A result that appeared meanwhile wins: the insert only fills the gap.
   */
  async giveUp(
    entries: readonly SweepCandidate[],
    error: string,
    completedAt: Date,
  ): Promise<void> {
    const docs = entries.map((entry) =>
      failedResultDocument(
        { trackingId: entry._id, submittedAt: entry.submittedAt, completedAt },
        error,
        null,
      ),
    );
    await insertNew(this.results, docs);
  }
}
