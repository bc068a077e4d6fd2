import type { Model, ProjectionType } from 'mongoose';
import { LOOKUP_CONCURRENCY } from './records.constants';

/**
 * The documents of `ids` that exist (with `projection`), each looked up by `_id` alone
 * ({@link LOOKUP_CONCURRENCY} at a time): the only filter FerretDB 1.24 answers from an index
 * (tools/ferretdb keeps it usable); a `$in` of ids is a collection scan there.
 */
export async function findByIds<T>(
  model: Model<T>,
  ids: readonly string[],
  projection?: ProjectionType<T>,
): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < ids.length; start += LOOKUP_CONCURRENCY) {
    const chunk = ids.slice(start, start + LOOKUP_CONCURRENCY);
    const docs = await Promise.all(
      chunk.map((id) => model.findById(id, projection).lean<T>().exec()),
    );
    for (const doc of docs) if (doc) found.push(doc as T);
  }
  return found;
}
