import type { mongo } from 'mongoose';
import { upsertRetryingDuplicate } from '../errors/duplicate-keys';
import type { FeedbackRecord } from './feedback-record.schema';

/** The fields the accuracy windows need of one feedback document. */
export type FeedbackVerdict = Pick<FeedbackRecord, 'predicted' | 'actual' | 'at'>;

const OUTCOME_PROJECTION = { _id: 0, predicted: 1, actual: 1, at: 1 } as const;

/**
 * The `feedback` collection through the native driver, Nest-free so the gateway and the CLI share
 * it. Only queries MongoDB >= 6 and FerretDB 1.24 both run: `_id` upserts, equality and range
 * filters, sort, limit, `distinct`.
 */
export class FeedbackLog {
  constructor(private readonly collection: mongo.Collection<FeedbackRecord>) {}

  /**
   * Stores (or replaces: a correction) the feedback on one request. Two first writes racing on the
   * same id: one inserts, the other gets a duplicate key and simply replaces it.
   */
  async record(entry: FeedbackRecord): Promise<void> {
    await upsertRetryingDuplicate(() =>
      this.collection.replaceOne({ _id: entry._id }, entry, { upsert: true }),
    );
  }

  /**
   * The newest feedback on `modelVersion`, newest first: at most `limit` documents, only those
   * given at or after `since` when it is set.
   */
  recent(modelVersion: string, limit: number, since?: Date): Promise<FeedbackVerdict[]> {
    const filter: mongo.Filter<FeedbackRecord> = { modelVersion };
    if (since) filter.at = { $gte: since };
    return this.collection
      .find(filter, { projection: OUTCOME_PROJECTION })
      .sort({ at: -1 })
      .limit(limit)
      .toArray() as Promise<FeedbackVerdict[]>;
  }

  /** The model versions that received feedback at or after `since`. */
  versionsSince(since: Date): Promise<string[]> {
    return this.collection.distinct('modelVersion', { at: { $gte: since } });
  }

  /** Every feedback document given at or after `since` (all without it), oldest first. */
  since(since?: Date): mongo.FindCursor<FeedbackRecord> {
    return this.collection.find(since ? { at: { $gte: since } } : {}).sort({ at: 1 });
  }
}
