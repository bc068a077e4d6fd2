import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PredictionStatus } from '@sibyl/contracts';
import {
  DatabaseUnavailableError,
  insertNew,
  PredictionRecord,
  PredictionResultRecord,
  retryWhileBusy,
  StoredFeedback,
} from '@sibyl/persistence';
import { ConnectionStates, Model } from 'mongoose';
import { DatabaseDeadline } from './database-deadline';
import { findByIds, ReadBound } from './find-by-ids';

/** A request as clients read it while it has no result (the text is never sent back). */
export type RequestSnapshot = Omit<PredictionRecord, 'text'>;

/** Outcome of {@link PredictionStore.setFeedback}: `saved` carries the result it was given on. */
export type FeedbackOutcome =
  { status: 'saved'; result: PredictionResultRecord } | { status: 'not_found' | 'not_done' };

const WITHOUT_TEXT = { text: 0 } as const;

/**
 * A complete new request document: every field set, so inserts can skip Mongoose hydration.
 * `owner` is the submitting key's id (absent with AUTH=off).
 */
export function newPredictionRecord(
  trackingId: string,
  text: string,
  submittedAt: Date,
  owner?: string,
): PredictionRecord {
  // The first publish follows the insert at once.
  const record: PredictionRecord = { _id: trackingId, text, submittedAt, publishAttempts: 1 };
  if (owner !== undefined) record.owner = owner;
  return record;
}

/** True if `owner` may see the request (`undefined` = AUTH=off: everything is visible). */
export function isVisibleTo(request: RequestSnapshot, owner: string | undefined): boolean {
  return owner === undefined || request.owner === owner;
}

/**
 * The gateway's access to requests (`predictions`) and results (`prediction_results`) on the
 * request path: inserts, reads by id, feedback. Every query filters on `_id` alone: indexed on
 * MongoDB, and on FerretDB 1.24 the one filter SQLite evaluates itself (any other is decoded and
 * matched document by document in Go; its `_id` index is not used by either). Every operation is
 * bounded by {@link DatabaseDeadline} (DATABASE_OPERATION_TIMEOUT_MS).
 */
@Injectable()
export class PredictionStore {
  constructor(
    @InjectModel(PredictionRecord.name) private readonly requests: Model<PredictionRecord>,
    @InjectModel(PredictionResultRecord.name)
    private readonly results: Model<PredictionResultRecord>,
    private readonly deadline: DatabaseDeadline,
  ) {}

  /** True while Mongoose holds a live connection. */
  get connected(): boolean {
    return this.requests.db.readyState === ConnectionStates.connected;
  }

  /**
   * Inserts new requests in one round trip (the native driver: the documents are complete).
   * Fails fast when the connection is known to be down; retries while the database is busy,
   * where a retry's duplicate-key errors only mean a previous try stored those documents.
   */
  async insertMany(records: PredictionRecord[]): Promise<void> {
    this.assertConnected();
    await this.deadline.run(
      'insert',
      `insert of ${records.length} prediction request(s)`,
      retryWhileBusy(() => insertNew(this.requests, records)),
    );
  }

  /** The request's result, or null while it has none. */
  findResult(id: string): Promise<PredictionResultRecord | null> {
    this.assertConnected();
    return this.read(this.results.findById(id).lean<PredictionResultRecord>().exec());
  }

  /** The request without its text; null if unknown. */
  findRequest(id: string): Promise<RequestSnapshot | null> {
    this.assertConnected();
    return this.read(this.requests.findById(id, WITHOUT_TEXT).lean<RequestSnapshot>().exec());
  }

  /** The results that exist for `ids`, looked up by `_id`. */
  findResults(ids: readonly string[]): Promise<PredictionResultRecord[]> {
    return findByIds(this.results, ids, undefined, this.readRound);
  }

  /**
   * The results, and the requests still without one, of many ids: each looked up by `_id`
   * ({@link findByIds}), the one read that stays indexed on MongoDB and FerretDB alike (FerretDB 1.24
   * answers a `$in` of ids by scanning the collection: minutes at a million results).
   */
  async findMany(
    ids: readonly string[],
  ): Promise<{ results: PredictionResultRecord[]; requests: RequestSnapshot[] }> {
    this.assertConnected();
    const results = await findByIds(this.results, ids, undefined, this.readRound);
    const finished = new Set(results.map((result) => result._id));
    const rest = ids.filter((id) => !finished.has(id));
    const requests = rest.length > 0 ? await this.findRequests(rest) : [];
    return { results, requests };
  }

  /**
   * The results and the pending requests among `ids` that `owner` submitted: the requests are read
   * first, then the results of the owned ones only (each by `_id`, as in {@link findMany}).
   */
  async findOwned(
    ids: readonly string[],
    owner: string,
  ): Promise<{ results: PredictionResultRecord[]; requests: RequestSnapshot[] }> {
    this.assertConnected();
    const owned = (await this.findRequests(ids)).filter((request) => request.owner === owner);
    if (owned.length === 0) return { results: [], requests: [] };
    const results = await findByIds(
      this.results,
      owned.map((request) => request._id),
      undefined,
      this.readRound,
    );
    const finished = new Set(results.map((result) => result._id));
    return { results, requests: owned.filter((request) => !finished.has(request._id)) };
  }

  /** The requests of `ids` that exist, without their text. */
  private findRequests(ids: readonly string[]): Promise<RequestSnapshot[]> {
    return findByIds(
      this.requests as unknown as Model<RequestSnapshot>,
      ids,
      WITHOUT_TEXT,
      this.readRound,
    );
  }

  /** Stores feedback on a finished (`done`) prediction that `owner` submitted. */
  async setFeedback(
    id: string,
    feedback: StoredFeedback,
    owner?: string,
  ): Promise<FeedbackOutcome> {
    if (owner !== undefined) {
      const request = await this.findRequest(id);
      if (!request || !isVisibleTo(request, owner)) return { status: 'not_found' };
    }
    const result = await this.findResult(id);
    if (!result) return { status: (await this.findRequest(id)) ? 'not_done' : 'not_found' };
    if (result.status !== PredictionStatus.Done) return { status: 'not_done' };
    await this.deadline.run(
      'feedback',
      `feedback on ${id}`,
      this.results.updateOne({ _id: id }, { $set: { feedback } }).exec(),
    );
    return { status: 'saved', result: { ...result, feedback } };
  }

  /** The request's text; null if unknown. */
  async findText(id: string): Promise<string | null> {
    this.assertConnected();
    const request = await this.read(
      this.requests.findById(id, { text: 1 }).lean<Pick<PredictionRecord, 'text'>>().exec(),
    );
    return request?.text ?? null;
  }

  /** One round of a many-id read ({@link findByIds}), bounded like any read. */
  private readonly readRound: ReadBound = (round) => this.read(round);

  /** A read, bounded by DATABASE_OPERATION_TIMEOUT_MS. */
  private read<T>(work: Promise<T>): Promise<T> {
    return this.deadline.run('read', 'read of predictions', work);
  }

  private assertConnected(): void {
    if (this.requests.db.readyState !== ConnectionStates.connected) {
      throw new DatabaseUnavailableError(
        `database connection is ${ConnectionStates[this.requests.db.readyState]}`,
      );
    }
  }
}
