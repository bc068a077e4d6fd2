import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PredictionStatus } from '@sibyl/contracts';
import { PredictionRecord, StoredFeedback } from '@sibyl/persistence';
import { ConnectionStates, Model, mongo } from 'mongoose';
import { retryWhileBusy } from './database-retry';
import { DatabaseUnavailableError } from './database-unavailable';

/** A stored request as the outbox needs it to (re)publish. */
export type OutboxEntry = Pick<PredictionRecord, '_id' | 'text' | 'submittedAt' | 'publishAttempts'>;

/** A stored request as clients read it (the text is never sent back). */
export type PredictionSnapshot = Omit<PredictionRecord, 'text'>;

/** A broker confirm to record: which request, and which attempt was confirmed. */
export interface ConfirmedPublish {
  trackingId: string;
  attempt: number;
}

/** Below this many ids, finished requests are looked up one by one (`_id` lookups stay cheap on FerretDB). */
const SINGLE_LOOKUP_MAX = 32;

/** Outcome of {@link PredictionStore.setFeedback}. */
export type FeedbackOutcome = 'saved' | 'not_found' | 'not_done';

const OUTBOX_FIELDS = { _id: 1, text: 1, submittedAt: 1, publishAttempts: 1 } as const;
const WITHOUT_TEXT = { text: 0 } as const;

/** A complete new `queued` document: every field set, so inserts can skip Mongoose hydration. */
export function newPredictionRecord(trackingId: string, text: string, submittedAt: Date): PredictionRecord {
  return {
    _id: trackingId,
    text,
    status: PredictionStatus.Queued,
    submittedAt,
    publishedAt: null,
    // The first publish follows the insert at once.
    publishAttempts: 1,
    language: null,
    languageName: null,
    nativeName: null,
    confidence: null,
    top: [],
    modelVersion: null,
    completedAt: null,
    error: null,
    feedback: null,
  };
}

/**
 * The gateway's access to the `predictions` collection: inserts, outbox bookkeeping, reads
 * and feedback. Uses only operations MongoDB ≥ 6 and FerretDB 1.24 both support.
 */
@Injectable()
export class PredictionStore {
  constructor(@InjectModel(PredictionRecord.name) private readonly model: Model<PredictionRecord>) {}

  /** True while Mongoose holds a live connection. */
  get connected(): boolean {
    return this.model.db.readyState === ConnectionStates.connected;
  }

  /**
   * Inserts new requests in one round trip (the native driver: the documents are complete).
   * Fails fast when the connection is known to be down; retries while the database is busy,
   * where a retry's duplicate-key errors only mean a previous try stored those documents.
   */
  async insertMany(records: PredictionRecord[]): Promise<void> {
    this.assertConnected();
    await retryWhileBusy(async () => {
      try {
        await this.model.collection.insertMany(records as unknown as mongo.OptionalId<mongo.Document>[], { ordered: false });
      } catch (error) {
        if (!onlyDuplicateKeys(error)) throw error;
      }
    });
  }

  /**
   * Records broker confirms: `publishedAt` and the confirmed attempt, with one `updateOne` by
   * `_id` per request in a single bulkWrite (FerretDB only pushes `_id` equality down to SQLite;
   * an `$in` would scan the collection). Idempotent, so it is retried while the database is busy.
   */
  async markPublished(confirms: readonly ConfirmedPublish[], at: Date): Promise<void> {
    if (confirms.length === 0) return;
    await retryWhileBusy(() =>
      this.model.collection.bulkWrite(
        confirms.map(({ trackingId, attempt }) => ({
          // updateMany, not updateOne (same effect: `_id` is unique): FerretDB 1.24 holds each updateOne's cursor
          // until the command ends and hangs for good beyond 100 of them (SQLite pool); updateMany releases it.
          updateMany: { filter: { _id: trackingId as never }, update: { $set: { publishedAt: at, publishAttempts: attempt } } },
        })),
        { ordered: false },
      ),
    );
  }

  /**
   * Requests still `queued` that were submitted before `before` and whose last recorded
   * confirm (if any) is older too — oldest first. (A collection scan on FerretDB: the relay
   * runs it rarely.)
   */
  findOverdue(before: Date, limit: number): Promise<OutboxEntry[]> {
    return this.model
      .find(
        {
          status: PredictionStatus.Queued,
          submittedAt: { $lt: before },
          $or: [{ publishedAt: null }, { publishedAt: { $lt: before } }],
        },
        OUTBOX_FIELDS,
      )
      .sort({ submittedAt: 1 })
      .limit(limit)
      .lean<OutboxEntry[]>()
      .exec();
  }

  /** One request, without its text; null if unknown. */
  findSnapshot(id: string): Promise<PredictionSnapshot | null> {
    this.assertConnected();
    return this.model.findById(id, WITHOUT_TEXT).lean<PredictionSnapshot>().exec();
  }

  /** Those of `ids` that are no longer queued (done or failed), without their text. */
  async findFinished(ids: string[]): Promise<PredictionSnapshot[]> {
    const found =
      ids.length <= SINGLE_LOOKUP_MAX
        ? await Promise.all(ids.map((id) => this.model.findById(id, WITHOUT_TEXT).lean<PredictionSnapshot>().exec()))
        : await this.model.find({ _id: { $in: ids } }, WITHOUT_TEXT).lean<PredictionSnapshot[]>().exec();
    return found.filter((snapshot): snapshot is PredictionSnapshot => snapshot !== null && snapshot.status !== PredictionStatus.Queued);
  }

  /** Stores feedback on a finished (`done`) prediction. */
  async setFeedback(id: string, feedback: StoredFeedback): Promise<FeedbackOutcome> {
    this.assertConnected();
    const result = await this.model.updateOne({ _id: id, status: PredictionStatus.Done }, { $set: { feedback } }).exec();
    if (result.matchedCount > 0) return 'saved';
    return (await this.model.exists({ _id: id }).exec()) ? 'not_done' : 'not_found';
  }

  private assertConnected(): void {
    if (this.model.db.readyState !== ConnectionStates.connected) {
      throw new DatabaseUnavailableError(`database connection is ${ConnectionStates[this.model.db.readyState]}`);
    }
  }
}

/** True for a bulk insert error made only of duplicate keys (code 11000). */
function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = ([] as Array<{ code?: number }>).concat((writeErrors ?? []) as Array<{ code?: number }>);
  return list.length > 0 && list.every((writeError) => writeError.code === 11000);
}
