import type { Model } from 'mongoose';
import { OutboxCursorRecord, REPUBLISH_MARKER_ID } from './outbox-cursor.schema';

/** MongoDB's (and FerretDB's) duplicate key error code. */
const DUPLICATE_KEY = 11000;

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
  const increment = () =>
    cursors
      .updateOne(
        { _id: REPUBLISH_MARKER_ID },
        { $inc: { generation: 1 }, $set: { through: at } },
        { upsert: true },
      )
      .exec();
  try {
    await increment();
  } catch (error) {
    // Two first upserts at once: one inserts, the other fails with a duplicate key; the marker
    // exists now, so the same update simply increments it.
    if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
    await increment();
  }
}

/** The republish marker's generation (0 before any report). */
export async function republishGeneration(cursors: RepublishMarkerModel): Promise<number> {
  const marker = await cursors.findById(REPUBLISH_MARKER_ID).lean<OutboxCursorRecord>().exec();
  return marker?.generation ?? 0;
}
