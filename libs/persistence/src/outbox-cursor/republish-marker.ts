import type { Model } from 'mongoose';
import { upsertRetryingDuplicate } from '../errors/duplicate-keys';
import { OutboxCursorRecord, REPUBLISH_MARKER_ID } from './outbox-cursor.schema';

/** The `outbox_cursors` model as the republish marker uses it. */
export type RepublishMarkerModel = Pick<Model<OutboxCursorRecord>, 'updateOne' | 'findById'>;

/**
 * Reports that the requests queue was lost with its messages: increments the republish marker's
 * `generation` (`at` is informational, on the caller's clock). One small upsert, FerretDB-safe.
 */
export async function requestRepublish(
  cursors: RepublishMarkerModel,
  at = new Date(),
): Promise<void> {
  // Two first upserts at once: one inserts, the other fails with a duplicate key and is retried.
  await upsertRetryingDuplicate(() =>
    cursors
      .updateOne(
        { _id: REPUBLISH_MARKER_ID },
        { $inc: { generation: 1 }, $set: { through: at } },
        { upsert: true },
      )
      .exec(),
  );
}

/** The republish marker's generation (0 before any report). */
export async function republishGeneration(cursors: RepublishMarkerModel): Promise<number> {
  const marker = await cursors.findById(REPUBLISH_MARKER_ID).lean<OutboxCursorRecord>().exec();
  return marker?.generation ?? 0;
}
