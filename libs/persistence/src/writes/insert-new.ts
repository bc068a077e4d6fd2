import type { Model, mongo } from 'mongoose';
import { duplicateKeyIndexes } from '../errors';

/**
 * Inserts complete documents with one unordered `insertMany` through the native driver (no
 * Mongoose hydration) and returns the indexes of those refused because their `_id` was already
 * stored — the idempotency guard of every insert-only write. Any other failure is thrown.
 */
export async function insertNew<T>(model: Model<T>, docs: readonly T[]): Promise<number[]> {
  if (docs.length === 0) return [];
  try {
    await model.collection.insertMany(docs as unknown as mongo.OptionalId<mongo.Document>[], {
      ordered: false,
    });
    return [];
  } catch (error) {
    const duplicates = duplicateKeyIndexes(error);
    if (!duplicates) throw error;
    return duplicates;
  }
}
